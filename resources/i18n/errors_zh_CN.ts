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
        <location filename="../../ui/errors.py" line="41"/>
        <source>Cannot open the database {url}. Check the address and that the server is running.</source>
        <translation>无法打开数据库 {url}。请检查地址以及数据库服务器是否运行。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="45"/>
        <source>The database address is not valid: {url}</source>
        <translation>数据库地址无效：{url}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="48"/>
        <source>There is no room {room}.</source>
        <translation>没有 {room} 号房间。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="49"/>
        <source>Please fill in the {field}.</source>
        <translation>请填写{field}。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="50"/>
        <source>The {field} is too long (at most {limit} characters).</source>
        <translation>{field}过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="53"/>
        <location filename="../../ui/errors.py" line="70"/>
        <source>Room {room} has no guest in house.</source>
        <translation>{room} 房没有在住客人。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="54"/>
        <source>Room {room} already has a wake-up call at {time}.</source>
        <translation>{room} 房在 {time} 已有叫醒服务。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="57"/>
        <source>Someone else changed this wake-up call just now; the list is refreshed.</source>
        <translation>此叫醒服务刚被他人修改，列表已刷新。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="60"/>
        <source>This wake-up call cannot be changed any more.</source>
        <translation>此叫醒服务已无法更改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="63"/>
        <source>{due} has already passed.</source>
        <translation>{due} 已经过去。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="64"/>
        <source>{time} has already passed today.</source>
        <translation>今天的 {time} 已经过去。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="65"/>
        <source>A wake-up call is once or daily.</source>
        <translation>叫醒服务只能是单次或每天。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="66"/>
        <source>Write a room and a time, for example: 1203 06:30 taxi at 7</source>
        <translation>请写房号和时间，例如：1203 06:30 7点出租车</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="69"/>
        <source>Not a time of day.</source>
        <translation>不是有效的时间。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="71"/>
        <source>Someone else changed this message just now; the list is refreshed.</source>
        <translation>此留言刚被他人修改，列表已刷新。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="74"/>
        <source>This message was already delivered.</source>
        <translation>此留言已转达。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="77"/>
        <source>Departure {departure} is before arrival {arrival}.</source>
        <translation>离店日期 {departure} 早于到店日期 {arrival}。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="93"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="95"/>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
</context>
</TS>
