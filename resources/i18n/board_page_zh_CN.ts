<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../ui/board_page.py" line="55"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="55"/>
        <source>Duty</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="55"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="55"/>
        <source>Done by</source>
        <translation>完成人</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="72"/>
        <source>&amp;Tick off the selected duty</source>
        <translation>勾选完成所选事项(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="78"/>
        <source>Weather</source>
        <translation>天气</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="79"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="80"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="85"/>
        <source>HH:MM</source>
        <translation>时:分</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="89"/>
        <source>Weather, an event in the ballroom, a note for every shift…</source>
        <translation>天气、宴会厅活动、给各班的提示…</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="90"/>
        <source>&amp;Add to the board</source>
        <translation>添加到信息板(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="102"/>
        <source>Timed duties of this shift</source>
        <translation>本班定时事项</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="120"/>
        <source>later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="121"/>
        <source>DUE NOW</source>
        <translation>现在到期</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="122"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="123"/>
        <source>MISSED</source>
        <translation>已错过</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="132"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="133"/>
        <source>Daily information</source>
        <translation>每日信息</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="149"/>
        <source>Duty manager</source>
        <translation>值班经理</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="150"/>
        <source>Weather and events</source>
        <translation>天气和活动</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="151"/>
        <source>Arrivals today and tomorrow (VIP first)</source>
        <translation>今明两天预抵（贵宾优先）</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="152"/>
        <source>Room moves today</source>
        <translation>今日换房</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="153"/>
        <source>Rooms on DND</source>
        <translation>免打扰房间</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="154"/>
        <source>Guests&apos; whereabouts</source>
        <translation>客人去向</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="166"/>
        <source>Added.</source>
        <translation>已添加。</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="175"/>
        <source>Select a duty first.</source>
        <translation>请先选择事项。</translation>
    </message>
    <message>
        <location filename="../../ui/board_page.py" line="183"/>
        <source>Ticked off: %1</source>
        <translation>已完成：%1</translation>
    </message>
</context>
</TS>
