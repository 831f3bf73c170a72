<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PositionStates</name>
    <message>
        <location filename="../../ui/position_states.py" line="17"/>
        <source>Go on break, or come back from break</source>
        <translation>开始休息或结束休息</translation>
    </message>
    <message>
        <location filename="../../ui/position_states.py" line="44"/>
        <source>This position is on break (Ctrl+B to come back)</source>
        <translation>本席位正在休息（按 Ctrl+B 返回）</translation>
    </message>
    <message>
        <location filename="../../ui/position_states.py" line="49"/>
        <source>On break: %1</source>
        <translation>休息中：%1</translation>
    </message>
</context>
</TS>
