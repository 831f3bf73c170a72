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
        <location filename="../../ui/board_page.py" line="75"/>
        <source>&amp;Tick off the selected duty</source>
        <translation>勾选完成所选事项(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="81"/>
        <source>Weather</source>
        <translation>天气</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="82"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="83"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="88"/>
        <source>HH:MM</source>
        <translation>时:分</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="92"/>
        <source>Weather, an event in the ballroom, a note for every shift…</source>
        <translation>天气、宴会厅活动、给各班的提示…</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="93"/>
        <source>&amp;Add to the board</source>
        <translation>添加到信息板(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="105"/>
        <source>Timed duties of this shift</source>
        <translation>本班定时事项</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="123"/>
        <source>later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="124"/>
        <source>DUE NOW</source>
        <translation>现在到期</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="125"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="126"/>
        <source>MISSED</source>
        <translation>已错过</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="135"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="136"/>
        <source>Daily information</source>
        <translation>每日信息</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="152"/>
        <source>Duty manager</source>
        <translation>值班经理</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="153"/>
        <source>Weather and events</source>
        <translation>天气和活动</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="154"/>
        <source>Arrivals today and tomorrow (VIP first)</source>
        <translation>今明两天预抵（贵宾优先）</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="155"/>
        <source>Room moves today</source>
        <translation>今日换房</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="156"/>
        <source>Rooms on DND</source>
        <translation>免打扰房间</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="157"/>
        <source>Guests&apos; whereabouts</source>
        <translation>客人去向</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="160"/>
        <source>%1 by %2: %3 items not acknowledged</source>
        <translation>%1，由 %2 交班：%3 项未确认</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="163"/>
        <source>Handovers not yet acknowledged</source>
        <translation>尚未确认的交接</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="184"/>
        <source>Added.</source>
        <translation>已添加。</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="193"/>
        <source>Select a duty first.</source>
        <translation>请先选择事项。</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="201"/>
        <source>Ticked off: %1</source>
        <translation>已完成：%1</translation>
    </message>
</context>
</TS>
