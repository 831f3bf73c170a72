<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConsoleError</name>
    <message>
        <location filename="../../ui/errors.py" line="25"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="26"/>
        <source>The password needs at least {minimum} characters.</source>
        <translation>密码至少需要 {minimum} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="29"/>
        <source>The password must not be the user name.</source>
        <translation>密码不能与用户名相同。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="32"/>
        <source>A user name has no spaces.</source>
        <translation>用户名不能包含空格。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="33"/>
        <source>The user name {username} is taken.</source>
        <translation>用户名 {username} 已被使用。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="36"/>
        <source>Your role may not do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="37"/>
        <source>The settings file {path} cannot be read: {reason}</source>
        <translation>无法读取设置文件 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="40"/>
        <source>Unknown language {language}.</source>
        <translation>未知语言 {language}。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="43"/>
        <source>The database address is not valid: {url}</source>
        <translation>数据库地址无效：{url}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="46"/>
        <source>There is no room {room}.</source>
        <translation>没有 {room} 号房间。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="47"/>
        <source>Please fill in the {field}.</source>
        <translation>请填写{field}。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="48"/>
        <source>The {field} is too long (at most {limit} characters).</source>
        <translation>{field}过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="51"/>
        <location filename="../../ui/errors.py" line="71"/>
        <source>Room {room} has no guest in house.</source>
        <translation>{room} 房没有在住客人。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="52"/>
        <source>Room {room} already has a wake-up call at {time}.</source>
        <translation>{room} 房在 {time} 已有叫醒服务。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="55"/>
        <source>Someone else changed this wake-up call just now; the list is refreshed.</source>
        <translation>此叫醒服务刚被他人修改，列表已刷新。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="58"/>
        <source>This wake-up call cannot be changed any more.</source>
        <translation>此叫醒服务已无法更改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="61"/>
        <source>{due} has already passed.</source>
        <translation>{due} 已经过去。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="62"/>
        <source>{time} has already passed today.</source>
        <translation>今天的 {time} 已经过去。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="63"/>
        <source>A wake-up call is once or daily.</source>
        <translation>叫醒服务只能是单次或每天。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="64"/>
        <source>A wake-up in person is booked one day at a time, not daily.</source>
        <translation>人工亲自叫醒只能逐日预订，不能设为每天。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="67"/>
        <source>Write a room and a time, for example: 1203 06:30 taxi at 7</source>
        <translation>请写房号和时间，例如：1203 06:30 7点出租车</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="70"/>
        <source>Not a time of day.</source>
        <translation>不是有效的时间。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="72"/>
        <source>Someone else changed this message just now; the list is refreshed.</source>
        <translation>此留言刚被他人修改，列表已刷新。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="75"/>
        <source>This message was already delivered.</source>
        <translation>此留言已转达。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="78"/>
        <source>Departure {departure} is before arrival {arrival}.</source>
        <translation>离店日期 {departure} 早于到店日期 {arrival}。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="93"/>
        <source>The database {where} cannot be reached. Nothing was saved; check the network and that the database server is running.</source>
        <translation>无法连接数据库 {where}。未保存任何内容；请检查网络以及数据库服务器是否运行。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="98"/>
        <source>The database {where} did not answer in time. Nothing was saved; try again in a moment.</source>
        <translation>数据库 {where} 未能及时响应。未保存任何内容；请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="102"/>
        <source>The database {where} is busy with another position&apos;s change. Nothing was saved; try again in a moment.</source>
        <translation>数据库 {where} 正在处理其他席位的更改。未保存任何内容；请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="107"/>
        <source>The disk of the database {where} is full. Nothing was saved; free some space or call the administrator.</source>
        <translation>数据库 {where} 所在的磁盘已满。未保存任何内容；请释放磁盘空间或联系管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="112"/>
        <source>The database {where} is read-only: the console may not write its file or folder. Nothing was saved; call the administrator.</source>
        <translation>数据库 {where} 为只读：总机无法写入其文件或文件夹。未保存任何内容；请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="117"/>
        <source>The database file {where} cannot be opened. Nothing was saved; call the administrator.</source>
        <translation>无法打开数据库文件 {where}。未保存任何内容；请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="121"/>
        <source>The disk of the database {where} reports an error. Nothing was saved; call the administrator.</source>
        <translation>数据库 {where} 所在的磁盘报告错误。未保存任何内容；请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="125"/>
        <source>The database file {where} is damaged. Nothing was saved; call the administrator to restore the backup.</source>
        <translation>数据库文件 {where} 已损坏。未保存任何内容；请联系管理员从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="130"/>
        <source>The database file {where} was deleted while the console was running. Nothing more is saved until it is put back; call the administrator.</source>
        <translation>总机运行期间数据库文件 {where} 被删除。文件放回之前不会再保存任何内容；请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="135"/>
        <source>The database file {where} is missing, though this console made it before (deleted, or its disk not there?). Restore it from the backup; to begin with an empty hotel on purpose, delete {mark}.</source>
        <translation>数据库文件 {where} 不见了，但本台以前创建过它（被删除，或所在磁盘未接上？）。请从备份恢复；如确要从空白酒店开始，请删除 {mark}。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="141"/>
        <source>The database file {where} was replaced by another file while the console was running. Nothing more is saved; restart the console once the administrator has checked the file.</source>
        <translation>总机运行期间数据库文件 {where} 被另一个文件替换。不会再保存任何内容；请在管理员检查该文件后重新启动总机。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="146"/>
        <source>The database server {where} is out of memory. Nothing was saved; call the administrator.</source>
        <translation>数据库服务器 {where} 内存不足。未保存任何内容；请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="150"/>
        <source>The database server {where} has too many connections. Nothing was saved; try again in a moment.</source>
        <translation>数据库服务器 {where} 的连接过多。未保存任何内容；请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="154"/>
        <source>The database {where} refused the change. Nothing was saved; call the administrator.</source>
        <translation>数据库 {where} 拒绝了此更改。未保存任何内容；请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="158"/>
        <source>The setting {setting} must be 0.5 to 300 seconds, not {value}.</source>
        <translation>设置项 {setting} 必须为 0.5 到 300 秒，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="161"/>
        <source>Someone else changed this at the same moment; nothing was overwritten. Look again and repeat your change if it is still needed.</source>
        <translation>其他人在同一时刻修改了此项；未覆盖任何内容。请重新查看，如仍需要请再次修改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="166"/>
        <source>Another position was changing the same thing; nothing was saved. Please try again.</source>
        <translation>另一个席位正在修改同一内容；未保存任何内容。请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="170"/>
        <source>Someone else changed room {room} just now; nothing was overwritten. Look again and repeat your change if it is still needed.</source>
        <translation>其他人刚刚修改了房间 {room}；未覆盖任何内容。请重新查看，如仍需要请再次修改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="175"/>
        <source>Room {room} has a wake-up call at the same time as one of this guest&apos;s; nothing was moved. Please try again.</source>
        <translation>房间 {room} 在同一时间已有叫醒电话，与该客人的叫醒冲突；未移动任何内容。请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="206"/>
        <source>Nobody is signed in: sign in to see this.</source>
        <translation>尚无人登录：请登录后查看。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="219"/>
        <source>Too many failed sign-ins: try again in {seconds} s.</source>
        <translation>登录失败次数过多：请在 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="222"/>
        <source>There is no such user.</source>
        <translation>没有这个用户。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="223"/>
        <source>The {field} holds a control character.</source>
        <translation>{field}中含有控制字符。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="224"/>
        <source>Not a language code (for example en or zh_CN).</source>
        <translation>这不是语言代码（例如 en 或 zh_CN）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="227"/>
        <source>The {field} {day} is too far from today.</source>
        <translation>{field} {day} 离今天太远。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="231"/>
        <source>Whereabouts need the time they end.</source>
        <translation>去向需要填写结束时间。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="230"/>
        <source>The settings could not be saved to {path}.</source>
        <translation>设置无法保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="233"/>
        <source>The shift of this entry is closed: write a correction instead.</source>
        <translation>这条记录所属的班次已结束：请另写一条更正。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="236"/>
        <source>Only the author may change an entry; write a correction.</source>
        <translation>只有作者可以修改记录；请另写一条更正。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="239"/>
        <source>A retention period is 1 to 36600 days.</source>
        <translation>保留期限为 1 至 36600 天。</translation>
    </message>
</context>
</TS>
