<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../ui/board_page.py" line="60"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="60"/>
        <source>Duty</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="60"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="60"/>
        <source>Done by</source>
        <translation>完成人</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="109"/>
        <source>&amp;Tick off the selected duty</source>
        <translation>勾选完成所选事项(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="115"/>
        <source>Weather</source>
        <translation>天气</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="116"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="117"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="93"/>
        <location filename="../../ui/board_page.py" line="122"/>
        <source>HH:MM</source>
        <translation>时:分</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="79"/>
        <source>New duty (duty managers)</source>
        <translation>新定时事项（值班经理）</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="82"/>
        <source>In Chinese</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="86"/>
        <source>Early</source>
        <translation>早班</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="87"/>
        <source>Mid</source>
        <translation>中班</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="88"/>
        <source>Night</source>
        <translation>夜班</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="98"/>
        <source>All year</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="99"/>
        <source>Summer</source>
        <translation>夏季</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="100"/>
        <source>Winter</source>
        <translation>冬季</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="103"/>
        <source>Add duty</source>
        <translation>添加事项</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="106"/>
        <source>Retire selected</source>
        <translation>停用所选</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="126"/>
        <source>Weather, an event in the ballroom, a note for every shift…</source>
        <translation>天气、宴会厅活动、给各班的提示…</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="127"/>
        <source>&amp;Add to the board</source>
        <translation>添加到信息板(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="139"/>
        <source>Timed duties of this shift</source>
        <translation>本班定时事项</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="166"/>
        <source>later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="167"/>
        <source>DUE NOW</source>
        <translation>现在到期</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="168"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="169"/>
        <source>MISSED</source>
        <translation>已错过</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="175"/>
        <source>The daily board is not shown to your role.</source>
        <translation>您的角色不能查看每日信息。</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="183"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="184"/>
        <source>Daily information</source>
        <translation>每日信息</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="200"/>
        <source>Duty manager</source>
        <translation>值班经理</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="201"/>
        <source>Weather and events</source>
        <translation>天气和活动</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="202"/>
        <source>Arrivals today and tomorrow (VIP first)</source>
        <translation>今明两天预抵（贵宾优先）</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="203"/>
        <source>Room moves today</source>
        <translation>今日换房</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="204"/>
        <source>Rooms on DND</source>
        <translation>免打扰房间</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="205"/>
        <source>Guests&apos; whereabouts</source>
        <translation>客人去向</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="208"/>
        <source>%1 by %2: %3 items not acknowledged</source>
        <translation>%1，由 %2 交班：%3 项未确认</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="211"/>
        <source>Handovers not yet acknowledged</source>
        <translation>尚未确认的交接</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="232"/>
        <source>Added.</source>
        <translation>已添加。</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="241"/>
        <location filename="../../ui/board_page.py" line="275"/>
        <source>Select a duty first.</source>
        <translation>请先选择事项。</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="249"/>
        <source>Ticked off: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="265"/>
        <source>Duty added.</source>
        <translation>已添加事项。</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="283"/>
        <source>Retired: %1</source>
        <translation>已停用：%1</translation>
    </message>
</context>
</TS>
