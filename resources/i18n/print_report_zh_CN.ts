<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ShiftReportDialog</name>
    <message>
        <location filename="../../ui/print_report.py" line="28"/>
        <location filename="../../ui/print_report.py" line="62"/>
        <source>Shift report</source>
        <translation>交班报告</translation>
    </message>
    <message>
        <location filename="../../ui/print_report.py" line="37"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/print_report.py" line="41"/>
        <source>&amp;Save as PDF…</source>
        <translation>保存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/print_report.py" line="44"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/print_report.py" line="53"/>
        <source>Report for</source>
        <translation>报告范围</translation>
    </message>
    <message>
        <location filename="../../ui/print_report.py" line="66"/>
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/print_report.py" line="66"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/print_report.py" line="73"/>
        <source>Save the shift report</source>
        <translation>保存交班报告</translation>
    </message>
    <message>
        <location filename="../../ui/print_report.py" line="86"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/print_report.py" line="88"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
</TS>
