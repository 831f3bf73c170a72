<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LinkMonitor</name>
    <message>
        <location filename="../../ui/link_monitor.py" line="108"/>
        <source>Link monitor</source>
        <translation>链路监视</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="112"/>
        <source>PMS (FIAS)</source>
        <translation>PMS 接口 (FIAS)</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="113"/>
        <source>Call records (SMDR)</source>
        <translation>话单 (SMDR)</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="114"/>
        <source>PBX (SIP)</source>
        <translation>交换机（SIP）</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="119"/>
        <source>→ sent by the console   ← received   Times are the console&apos;s clock</source>
        <translation>→ 本台发出   ← 收到   时间为本台时钟</translation>
    </message>
</context>
<context>
    <name>LinkTab</name>
    <message>
        <location filename="../../ui/link_monitor.py" line="50"/>
        <source>&amp;Pause</source>
        <translation>暂停滚动(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="51"/>
        <source>Stop the scrolling to read; frames keep being counted</source>
        <translation>暂停滚动以便阅读；报文仍照常计数</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="52"/>
        <source>&amp;Clear</source>
        <translation>清空(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="68"/>
        <source>up</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="69"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="70"/>
        <source>DOWN</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="71"/>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="72"/>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="78"/>
        <source>No records yet</source>
        <translation>尚无记录</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="80"/>
        <source>never</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="82"/>
        <source>Last record %1 · records in %2, out %3 · errors %4 · reconnects %5</source>
        <translation>最后记录 %1 · 收到 %2 条，发出 %3 条 · 错误 %4 · 重连 %5 次</translation>
    </message>
    <message>
        <location filename="../../ui/link_monitor.py" line="99"/>
        <source> [not understood]</source>
        <translation> [无法解析]</translation>
    </message>
</context>
</TS>
