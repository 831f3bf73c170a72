<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Console</name>
    <message>
        <location filename="../../console/startup.py" line="137"/>
        <source>Switchboard</source>
        <translation>总机台</translation>
    </message>
    <message>
        <location filename="../../console/position.py" line="138"/>
        <source>No headset: %1</source>
        <translation>耳机不可用：%1</translation>
    </message>
    <message>
        <location filename="../../console/attendant.py" line="109"/>
        <source>EMERGENCY CALL from %1: answer with F5</source>
        <translation>紧急来电：%1，按 F5 接听</translation>
    </message>
    <message>
        <location filename="../../console/attendant.py" line="135"/>
        <source>Pick up a parked or waiting call</source>
        <translation>接回驻留或等待的来电</translation>
    </message>
    <message>
        <location filename="../../console/attendant.py" line="136"/>
        <source>Search the directory</source>
        <translation>搜索通讯录</translation>
    </message>
    <message>
        <location filename="../../console/attendant.py" line="169"/>
        <source>Park slots %1 are extensions too: not used for parking.</source>
        <translation>驻留位 %1 同时是分机号码：不用于驻留。</translation>
    </message>
    <message>
        <location filename="../../console/pages.py" line="86"/>
        <source>Rooms</source>
        <translation>客房</translation>
    </message>
    <message>
        <location filename="../../console/wakeups.py" line="44"/>
        <source>Wake-up calls</source>
        <translation>叫醒服务</translation>
    </message>
    <message>
        <location filename="../../console/wakeups.py" line="48"/>
        <source>Wake-up history</source>
        <translation>叫醒记录</translation>
    </message>
    <message>
        <location filename="../../console/pages.py" line="92"/>
        <source>Messages</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../console/pages.py" line="93"/>
        <source>Logbook</source>
        <translation>交班日志</translation>
    </message>
    <message>
        <location filename="../../console/pages.py" line="95"/>
        <source>Hotel information</source>
        <translation>酒店信息</translation>
    </message>
    <message>
        <location filename="../../console/wakeups.py" line="52"/>
        <source>Wake-up due now, call by hand: room %1</source>
        <translation>叫醒已到时，请人工拨打：%1 房</translation>
    </message>
    <message>
        <location filename="../../console/pages.py" line="114"/>
        <source>Daily board</source>
        <translation>每日信息板</translation>
    </message>
    <message>
        <location filename="../../console/pages.py" line="121"/>
        <source>VIP and arrivals</source>
        <translation>贵宾和预抵</translation>
    </message>
    <message>
        <location filename="../../console/pages.py" line="127"/>
        <source>Duty manager</source>
        <translation>值班经理</translation>
    </message>
    <message>
        <location filename="../../console/pages.py" line="128"/>
        <source>Nobody is on the duty manager roster now.</source>
        <translation>当前值班表上没有值班经理。</translation>
    </message>
    <message>
        <location filename="../../console/pages.py" line="132"/>
        <source>&amp;Duty manager on duty…</source>
        <translation>当班值班经理(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../console/startup.py" line="226"/>
        <source>Room %1 was checked in by the PMS without a guest name: ask the front desk</source>
        <translation>PMS 为 %1 房间办理入住时没有客人姓名：请询问前台</translation>
    </message>
    <message>
        <location filename="../../console/startup.py" line="335"/>
        <source>&amp;Hand over the shift…</source>
        <translation>交班(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../console/startup.py" line="338"/>
        <source>&amp;Take over (acknowledge the handover)…</source>
        <translation>接班（确认交接）(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../console/startup.py" line="343"/>
        <source>Shift &amp;report (print or PDF)…</source>
        <translation>交班报告（打印或 PDF）(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../console/startup.py" line="348"/>
        <source>SIP P&amp;BX settings…</source>
        <translation>SIP 交换机设置(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="36"/>
        <source>Training demo users: %1</source>
        <translation>培训演示用户：%1</translation>
    </message>
    <message>
        <location filename="../../console/startup.py" line="364"/>
        <source>&amp;Link monitor…</source>
        <translation>链路监视(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="73"/>
        <source>(signed out)</source>
        <translation>（已签退）</translation>
    </message>
    <message>
        <location filename="../../console/shell.py" line="111"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="118"/>
        <source>No handover waiting to be acknowledged.</source>
        <translation>没有待确认的交接。</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="137"/>
        <source>Nobody is signed in: sign in to take over the shift.</source>
        <translation>尚无人登录：请登录后接班。</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="138"/>
        <source>Handovers are for operators and duty managers: your role does not read them.</source>
        <translation>交接供话务员和值班经理使用：您的角色不能查看。</translation>
    </message>
    <message>
        <location filename="../../console/wakeups.py" line="60"/>
        <source>WAKE-UP NEEDS A PERSON: room %1 — F2 call the room · F4 send someone</source>
        <translation>叫醒需人工处理：%1 房 — F2 致电房间 · F4 派人敲门</translation>
    </message>
    <message>
        <location filename="../../console/wakeups.py" line="77"/>
        <source>Wake-up: &amp;call the room that needs a person</source>
        <translation>叫醒：致电需人工处理的房间(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/wakeups.py" line="82"/>
        <source>Wake-up: &amp;send someone to the door…</source>
        <translation>叫醒：派人上门敲门(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../console/wakeups.py" line="106"/>
        <source>Wake-up: VIP called in &amp;person</source>
        <translation>叫醒：已亲自致电 VIP(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/wakeups.py" line="79"/>
        <source>VIP wake-up: call room %1 in person now, then Ctrl+Shift+P</source>
        <translation>VIP 叫醒：请现在亲自致电 %1 房，完成后按 Ctrl+Shift+P</translation>
    </message>
    <message>
        <location filename="../../console/wakeups.py" line="102"/>
        <source>WAKE-UP NEEDS A PERSON (the database is away; the dialler&apos;s list): room %1 — printable list: %2</source>
        <translation>叫醒需要人工处理（数据库中断；叫醒程序的清单）：%1 房间 — 可打印清单：%2</translation>
    </message>
    <message>
        <location filename="../../console/settings_edit.py" line="32"/>
        <source>The new language is used from the next start of the console.</source>
        <translation>新语言将在下次启动话务台时生效。</translation>
    </message>
    <message>
        <location filename="../../console/settings_edit.py" line="43"/>
        <source>Only an administrator changes the settings.</source>
        <translation>只有管理员可以更改设置。</translation>
    </message>
    <message>
        <location filename="../../console/settings_edit.py" line="83"/>
        <source>The settings could not be saved: %1</source>
        <translation>设置无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/room_policy.py" line="33"/>
        <source>The PBX is not told about DND and call barring: check [pbx] policy</source>
        <translation>交换机未收到免打扰和呼叫限制设置：请检查 [pbx] policy</translation>
    </message>
    <message>
        <location filename="../../console/room_policy.py" line="97"/>
        <source>The PBX did not ask to be told about DND: DND is kept by the console only</source>
        <translation>交换机未要求接收免打扰设置：免打扰仅由本控制台执行</translation>
    </message>
    <message>
        <location filename="../../console/callout.py" line="69"/>
        <source>Emergency call-out to %1: %2</source>
        <translation>紧急外呼 %1：%2</translation>
    </message>
    <message>
        <location filename="../../console/emergency.py" line="64"/>
        <source>EMERGENCY %1 dialled from extension %2</source>
        <translation>紧急呼叫：分机 %2 拨打 %1</translation>
    </message>
    <message>
        <location filename="../../console/emergency.py" line="105"/>
        <source>Emergency from %1 not acknowledged: calling the duty manager and security</source>
        <translation>%1 的紧急呼叫未被确认：正在呼叫值班经理和保安</translation>
    </message>
    <message>
        <location filename="../../console/emergency.py" line="120"/>
        <source>Already acknowledged by %1</source>
        <translation>已由 %1 确认</translation>
    </message>
    <message>
        <location filename="../../console/emergency.py" line="131"/>
        <source>&amp;Acknowledge the emergency call</source>
        <translation>确认紧急呼叫(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/emergency.py" line="149"/>
        <source>Training: a room dials &amp;110</source>
        <translation>培训：房间拨打 110(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../console/governance.py" line="66"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../console/governance.py" line="96"/>
        <source>Audit trail altered</source>
        <translation>审计记录被篡改</translation>
    </message>
    <message>
        <location filename="../../console/governance.py" line="97"/>
        <source>A row was changed outside the console: %1</source>
        <translation>有记录在总机台之外被改动：%1</translation>
    </message>
    <message>
        <location filename="../../console/position.py" line="181"/>
        <source>That call is no longer parked: picked up at another position or handed back</source>
        <translation>该来电已不在驻留：已被其他席位接起或已转回</translation>
    </message>
    <message>
        <location filename="../../console/position.py" line="203"/>
        <source>Call from %1 went to night service: no position was signed in</source>
        <translation>来自 %1 的来电已转夜间服务：没有席位签到</translation>
    </message>
</context>
</TS>
