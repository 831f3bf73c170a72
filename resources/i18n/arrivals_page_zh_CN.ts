<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArrivalsPage</name>
    <message>
        <location filename="../../ui/arrivals_page.py" line="44"/>
        <location filename="../../ui/arrivals_page.py" line="107"/>
        <source>Arrives</source>
        <translation>抵店</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="45"/>
        <location filename="../../ui/arrivals_page.py" line="108"/>
        <location filename="../../ui/arrivals_page.py" line="143"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="46"/>
        <location filename="../../ui/arrivals_page.py" line="109"/>
        <location filename="../../ui/arrivals_page.py" line="143"/>
        <source>Guest</source>
        <translation>客人</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="47"/>
        <location filename="../../ui/arrivals_page.py" line="110"/>
        <location filename="../../ui/arrivals_page.py" line="143"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="48"/>
        <location filename="../../ui/arrivals_page.py" line="111"/>
        <source>Companions</source>
        <translation>同行</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="49"/>
        <location filename="../../ui/arrivals_page.py" line="112"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="65"/>
        <source>VIP and expected arrivals</source>
        <translation>贵宾及预抵名单</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="70"/>
        <source>Printed %1</source>
        <translation>打印时间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="125"/>
        <source>VIPs only</source>
        <translation>只看贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="128"/>
        <source>Save the list as PDF…</source>
        <translation>保存名单为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="131"/>
        <source>&amp;Print the list…</source>
        <translation>打印名单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="147"/>
        <source>(privacy)</source>
        <translation>（保密）</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="164"/>
        <source>Expected arrivals today and tomorrow</source>
        <translation>今明两天预抵</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="166"/>
        <source>VIPs in house</source>
        <translation>在店贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="183"/>
        <source>Save the arrivals list</source>
        <translation>保存预抵名单</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="191"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="193"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="201"/>
        <source>VIP and arrivals list</source>
        <translation>贵宾及预抵名单</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="204"/>
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="204"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
</context>
</TS>
