<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CrashGuard</name>
    <message>
        <location filename="../../ui/crash_guard.py" line="41"/>
        <source>Something unexpected went wrong; it is written in the log ({log}). Nothing you saved is lost and the console carries on.</source>
        <translation>出现了意外问题，已记录在日志中（{log}）。已保存的内容不会丢失，话务台继续运行。</translation>
    </message>
    <message>
        <location filename="../../ui/crash_guard.py" line="53"/>
        <source>Switchboard</source>
        <translation>总机台</translation>
    </message>
</context>
</TS>
