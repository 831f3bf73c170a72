<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RollCallPrint</name>
    <message>
        <location filename="../../ui/roll_call_print.py" line="29"/>
        <source>NEEDS HELP</source>
        <translation>需要救助</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="30"/>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="31"/>
        <source>busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="32"/>
        <source>call failed</source>
        <translation>呼叫失败</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="33"/>
        <source>not rung yet</source>
        <translation>尚未呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="34"/>
        <source>calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="35"/>
        <source>answered, no key</source>
        <translation>已接听，未按键</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="36"/>
        <source>leaving</source>
        <translation>正在撤离</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="42"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="43"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="44"/>
        <source>Wing</source>
        <translation>翼楼</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="45"/>
        <source>Guests</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="46"/>
        <source>Answer</source>
        <translation>应答</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="47"/>
        <source>Calls</source>
        <translation>呼叫次数</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="48"/>
        <source>Last call</source>
        <translation>最后呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="53"/>
        <source>(privacy guest)</source>
        <translation>（隐私住客）</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="74"/>
        <source>rooms %1</source>
        <translation>房间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="155"/>
        <source>%1, started %2 by %3</source>
        <translation>%1，%2 由 %3 开始</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="162"/>
        <source>stopped %1</source>
        <translation>%1 停止</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="165"/>
        <source>still running</source>
        <translation>仍在进行</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_print.py" line="167"/>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
</context>
</TS>
