<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Wing</name>
    <message>
        <location filename="../../ui/wings.py" line="14"/>
        <source>East wing</source>
        <translation>东翼</translation>
    </message>
    <message>
        <location filename="../../ui/wings.py" line="15"/>
        <source>West wing</source>
        <translation>西翼</translation>
    </message>
</context>
</TS>
