<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArrivalsPage</name>
    <message>
        <location filename="../../ui/arrivals_page.py" line="39"/>
        <location filename="../../ui/arrivals_page.py" line="95"/>
        <source>Arrives</source>
        <translation>抵店</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="40"/>
        <location filename="../../ui/arrivals_page.py" line="96"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="41"/>
        <location filename="../../ui/arrivals_page.py" line="97"/>
        <source>Guest</source>
        <translation>客人</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="42"/>
        <location filename="../../ui/arrivals_page.py" line="98"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="43"/>
        <location filename="../../ui/arrivals_page.py" line="99"/>
        <source>Companions</source>
        <translation>同行</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="44"/>
        <location filename="../../ui/arrivals_page.py" line="100"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="60"/>
        <source>VIP and expected arrivals</source>
        <translation>贵宾及预抵名单</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="65"/>
        <source>Printed %1</source>
        <translation>打印时间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="113"/>
        <source>VIPs only</source>
        <translation>只看贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="116"/>
        <source>Save the list as PDF…</source>
        <translation>保存名单为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="145"/>
        <source>Save the arrivals list</source>
        <translation>保存预抵名单</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="153"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="155"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
</TS>
