<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DirectoryPanel</name>
    <message>
        <location filename="../../ui/directory_panel.py" line="42"/>
        <source>Directory (F3): room, name, pinyin, initials, department…</source>
        <translation>通讯录 (F3)：房号、姓名、拼音、首字母、部门…</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="83"/>
        <source>Guest</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="84"/>
        <source>Arrival</source>
        <translation>预抵</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="85"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="86"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="87"/>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="93"/>
        <source>privacy: do not give out the room</source>
        <translation>保密：不得透露房号</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="94"/>
        <source>PRIVACY</source>
        <translation>保密</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="98"/>
        <source>room %1</source>
        <translation>%1 房</translation>
    </message>
    <message>
        <location filename="../../ui/directory_panel.py" line="100"/>
        <source>arrives %1</source>
        <translation>%1 抵店</translation>
    </message>
</context>
</TS>
