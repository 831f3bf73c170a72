<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArrivalsPage</name>
    <message>
        <location filename="../../ui/arrivals_page.py" line="50"/>
        <location filename="../../ui/arrivals_page.py" line="115"/>
        <source>Arrives</source>
        <translation>抵店</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="51"/>
        <location filename="../../ui/arrivals_page.py" line="116"/>
        <location filename="../../ui/arrivals_page.py" line="151"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="52"/>
        <location filename="../../ui/arrivals_page.py" line="117"/>
        <location filename="../../ui/arrivals_page.py" line="151"/>
        <source>Guest</source>
        <translation>客人</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="53"/>
        <location filename="../../ui/arrivals_page.py" line="118"/>
        <location filename="../../ui/arrivals_page.py" line="151"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="54"/>
        <location filename="../../ui/arrivals_page.py" line="119"/>
        <source>Companions</source>
        <translation>同行</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="55"/>
        <location filename="../../ui/arrivals_page.py" line="120"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="71"/>
        <source>VIP and expected arrivals</source>
        <translation>贵宾及预抵名单</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="76"/>
        <source>Printed %1</source>
        <translation>打印时间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="133"/>
        <source>VIPs only</source>
        <translation>只看贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="136"/>
        <source>Save the list as PDF…</source>
        <translation>保存名单为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="139"/>
        <source>&amp;Print the list…</source>
        <translation>打印名单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="155"/>
        <source>(privacy)</source>
        <translation>（保密）</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="172"/>
        <source>Expected arrivals today and tomorrow</source>
        <translation>今明两天预抵</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="174"/>
        <source>VIPs in house</source>
        <translation>在店贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="196"/>
        <source>The arrivals and VIPs in house are not shown to your role.</source>
        <translation>您的角色不能查看预抵客人和在店贵宾。</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="208"/>
        <source>Save the arrivals list</source>
        <translation>保存预抵名单</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="216"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="218"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="226"/>
        <source>VIP and arrivals list</source>
        <translation>贵宾及预抵名单</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="229"/>
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_page.py" line="229"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
</context>
</TS>
