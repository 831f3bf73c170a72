<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Legend</name>
    <message>
        <location filename="../../ui/legend.py" line="46"/>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="47"/>
        <source>ringing</source>
        <translation>振铃</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="48"/>
        <source>busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="49"/>
        <source>held</source>
        <translation>保持</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="50"/>
        <source>DND</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="51"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="52"/>
        <source>?</source>
        <translation>？</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="58"/>
        <location filename="../../ui/legend.py" line="69"/>
        <source>let</source>
        <translation>在住</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="59"/>
        <source>vacant, ready</source>
        <translation>空房，可售</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="60"/>
        <source>vacant, to be cleaned</source>
        <translation>空房，待清扫</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="61"/>
        <source>guest arriving</source>
        <translation>客人预抵</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="62"/>
        <source>out of order</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="70"/>
        <source>ready</source>
        <translation>可售</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="71"/>
        <source>to clean</source>
        <translation>待扫</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="72"/>
        <source>arriving</source>
        <translation>预抵</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="73"/>
        <source>OOO</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="80"/>
        <source>king</source>
        <translation>大床房</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="81"/>
        <source>twin</source>
        <translation>双床房</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="82"/>
        <source>suite</source>
        <translation>套房</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="83"/>
        <source>deluxe king</source>
        <translation>豪华大床房</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="100"/>
        <source>Colour legend</source>
        <translation>颜色说明</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="106"/>
        <source>Lamps:</source>
        <translation>忙灯：</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="119"/>
        <source>Rooms:</source>
        <translation>房间：</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="124"/>
        <location filename="../../ui/legend.py" line="125"/>
        <source>DND (band)</source>
        <translation>免打扰（色条）</translation>
    </message>
</context>
</TS>
