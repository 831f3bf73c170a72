<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Console</name>
    <message>
        <location filename="../../main.py" line="130"/>
        <source>Switchboard</source>
        <translation>总机台</translation>
    </message>
    <message>
        <location filename="../../main.py" line="169"/>
        <source>Training demo users: %1</source>
        <translation>培训演示用户：%1</translation>
    </message>
    <message>
        <location filename="../../main.py" line="276"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../main.py" line="277"/>
        <source>The new language is used from the next start of the console.</source>
        <translation>新语言将在下次启动话务台时生效。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="294"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../main.py" line="295"/>
        <source>The settings could not be saved: %1</source>
        <translation>设置无法保存：%1</translation>
    </message>
</context>
</TS>
