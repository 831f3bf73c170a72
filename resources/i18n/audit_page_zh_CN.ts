<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/audit_page.py" line="58"/>
        <source>e.g. logbook, signin, settings, stay</source>
        <translation>例如 logbook、signin、settings、stay</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="68"/>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="69"/>
        <source>&amp;Kind of change</source>
        <translation>变更类别(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="70"/>
        <source>&amp;Room</source>
        <translation>房间(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="71"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="72"/>
        <source>&amp;To (inclusive)</source>
        <translation>至(含)(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="73"/>
        <source>&amp;Search</source>
        <translation>查找(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="76"/>
        <source>Save as &amp;CSV…</source>
        <translation>另存为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="89"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="90"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="91"/>
        <source>Position</source>
        <translation>座席</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="92"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="93"/>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="94"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="143"/>
        <source>Changes found: %1</source>
        <translation>找到变更：%1</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="148"/>
        <source>The log has been altered outside the console: %1</source>
        <translation>日志已在总机之外被改动：%1</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="155"/>
        <source>Save the audit trail</source>
        <translation>保存审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="157"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="169"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
</TS>
