<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArrivalsPage</name>
    <message>
        <location filename="../../ui/arrivals_page.py" line="40"/>
        <location filename="../../ui/arrivals_page.py" line="103"/>
        <source>Arrives</source>
        <translation>抵店</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="41"/>
        <location filename="../../ui/arrivals_page.py" line="104"/>
        <location filename="../../ui/arrivals_page.py" line="135"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="42"/>
        <location filename="../../ui/arrivals_page.py" line="105"/>
        <location filename="../../ui/arrivals_page.py" line="135"/>
        <source>Guest</source>
        <translation>客人</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="43"/>
        <location filename="../../ui/arrivals_page.py" line="106"/>
        <location filename="../../ui/arrivals_page.py" line="135"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="44"/>
        <location filename="../../ui/arrivals_page.py" line="107"/>
        <source>Companions</source>
        <translation>同行</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="45"/>
        <location filename="../../ui/arrivals_page.py" line="108"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="61"/>
        <source>VIP and expected arrivals</source>
        <translation>贵宾及预抵名单</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="66"/>
        <source>Printed %1</source>
        <translation>打印时间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="121"/>
        <source>VIPs only</source>
        <translation>只看贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="124"/>
        <source>Save the list as PDF…</source>
        <translation>保存名单为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="139"/>
        <source>(privacy)</source>
        <translation>（保密）</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="155"/>
        <source>Expected arrivals today and tomorrow</source>
        <translation>今明两天预抵</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="157"/>
        <source>VIPs in house</source>
        <translation>在店贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="174"/>
        <source>Save the arrivals list</source>
        <translation>保存预抵名单</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="182"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="184"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
</TS>
