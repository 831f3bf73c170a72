<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../ui/board_page.py" line="58"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="58"/>
        <source>Duty</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="58"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="58"/>
        <source>Done by</source>
        <translation>完成人</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="107"/>
        <source>&amp;Tick off the selected duty</source>
        <translation>勾选完成所选事项(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="113"/>
        <source>Weather</source>
        <translation>天气</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="114"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="115"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="91"/>
        <location filename="../../ui/board_page.py" line="120"/>
        <source>HH:MM</source>
        <translation>时:分</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="77"/>
        <source>New duty (duty managers)</source>
        <translation>新定时事项（值班经理）</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="80"/>
        <source>In Chinese</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="84"/>
        <source>Early</source>
        <translation>早班</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="85"/>
        <source>Mid</source>
        <translation>中班</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="86"/>
        <source>Night</source>
        <translation>夜班</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="96"/>
        <source>All year</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="97"/>
        <source>Summer</source>
        <translation>夏季</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="98"/>
        <source>Winter</source>
        <translation>冬季</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="101"/>
        <source>Add duty</source>
        <translation>添加事项</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="104"/>
        <source>Retire selected</source>
        <translation>停用所选</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="124"/>
        <source>Weather, an event in the ballroom, a note for every shift…</source>
        <translation>天气、宴会厅活动、给各班的提示…</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="125"/>
        <source>&amp;Add to the board</source>
        <translation>添加到信息板(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="137"/>
        <source>Timed duties of this shift</source>
        <translation>本班定时事项</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="163"/>
        <source>later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="164"/>
        <source>DUE NOW</source>
        <translation>现在到期</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="165"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="166"/>
        <source>MISSED</source>
        <translation>已错过</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="175"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="176"/>
        <source>Daily information</source>
        <translation>每日信息</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="192"/>
        <source>Duty manager</source>
        <translation>值班经理</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="193"/>
        <source>Weather and events</source>
        <translation>天气和活动</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="194"/>
        <source>Arrivals today and tomorrow (VIP first)</source>
        <translation>今明两天预抵（贵宾优先）</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="195"/>
        <source>Room moves today</source>
        <translation>今日换房</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="196"/>
        <source>Rooms on DND</source>
        <translation>免打扰房间</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="197"/>
        <source>Guests&apos; whereabouts</source>
        <translation>客人去向</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="200"/>
        <source>%1 by %2: %3 items not acknowledged</source>
        <translation>%1，由 %2 交班：%3 项未确认</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="203"/>
        <source>Handovers not yet acknowledged</source>
        <translation>尚未确认的交接</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="224"/>
        <source>Added.</source>
        <translation>已添加。</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="233"/>
        <location filename="../../ui/board_page.py" line="267"/>
        <source>Select a duty first.</source>
        <translation>请先选择事项。</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="241"/>
        <source>Ticked off: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="257"/>
        <source>Duty added.</source>
        <translation>已添加事项。</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="275"/>
        <source>Retired: %1</source>
        <translation>已停用：%1</translation>
    </message>
</context>
</TS>
