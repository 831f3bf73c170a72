<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DatabaseBanner</name>
    <message>
        <location filename="../../ui/database_state.py" line="51"/>
        <source>%1 Calls, transfers and the lamp field go on; guest data and saving wait for it.</source>
        <translation>%1 接听、转接和忙灯盘照常工作；客人资料和保存须等数据库恢复。</translation>
    </message>
</context>
<context>
    <name>DatabaseLamp</name>
    <message>
        <location filename="../../ui/database_state.py" line="22"/>
        <source>DATABASE: OK</source>
        <translation>数据库：正常</translation>
    </message>
    <message>
        <location filename="../../ui/database_state.py" line="22"/>
        <source>DATABASE: AWAY</source>
        <translation>数据库：中断</translation>
    </message>
</context>
</TS>
