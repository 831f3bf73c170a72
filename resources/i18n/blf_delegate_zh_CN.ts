<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BlfDelegate</name>
    <message>
        <location filename="../../ui/blf_delegate.py" line="37"/>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/blf_delegate.py" line="38"/>
        <source>ringing</source>
        <translation>振铃</translation>
    </message>
    <message>
        <location filename="../../ui/blf_delegate.py" line="39"/>
        <source>busy</source>
        <translation>忙</translation>
    </message>
    <message>
        <location filename="../../ui/blf_delegate.py" line="40"/>
        <source>held</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/blf_delegate.py" line="41"/>
        <source>DND</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/blf_delegate.py" line="42"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/blf_delegate.py" line="43"/>
        <source>?</source>
        <translation>?</translation>
    </message>
</context>
</TS>
