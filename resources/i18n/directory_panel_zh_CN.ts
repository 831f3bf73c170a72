<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DirectoryPanel</name>
    <message>
        <location filename="../../ui/directory_panel.py" line="34"/>
        <source>busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="37"/>
        <source>ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="39"/>
        <source>phone out of service</source>
        <translation>话机停用</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="44"/>
        <source>DND</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="46"/>
        <source>message waiting</source>
        <translation>有留言</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="87"/>
        <source>Directory (F3): room, name, pinyin, initials, department…</source>
        <translation>通讯录 (F3)：房号、姓名、拼音、首字母、部门…</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="191"/>
        <source>Guest</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="192"/>
        <source>Arrival</source>
        <translation>预抵</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="193"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="194"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="195"/>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="222"/>
        <source>PRIVACY, say: %1</source>
        <translation>保密，请说：%1</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="204"/>
        <source>room %1</source>
        <translation>%1 房</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="206"/>
        <source>arrives %1</source>
        <translation>%1 抵店</translation>
    </message>
</context>
</TS>
