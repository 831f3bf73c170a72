<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/signed_out_cover.py" line="25"/>
        <source>Signed out. The console and its calls stay up; sign in to work.</source>
        <translation>已签退。总机台和来电仍在运行；请签到后再操作。</translation>
    </message>
    <message>
        <location filename="../../ui/signed_out_cover.py" line="35"/>
        <source>&amp;Sign in</source>
        <translation>签到(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SignedOutCover</name>
    <message>
        <location filename="../../ui/signed_out_cover.py" line="51"/>
        <source>On the line: %1</source>
        <translation>通话中：%1</translation>
    </message>
    <message>
        <location filename="../../ui/signed_out_cover.py" line="49"/>
        <source>%1 call(s) waiting: sign in to answer (F5)</source>
        <translation>%1 个来电在等待：请签到后接听（F5）</translation>
    </message>
</context>
</TS>
