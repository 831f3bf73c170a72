<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EmergencyBanner</name>
    <message>
        <location filename="../../ui/emergency_banner.py" line="88"/>
        <source>Acknowledge (%1)</source>
        <translation>确认警报（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="109"/>
        <source>Room %1</source>
        <translation>%1 房间</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="111"/>
        <source>Extension %1</source>
        <translation>分机 %1</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="113"/>
        <source>call still up</source>
        <translation>通话仍在进行</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="113"/>
        <source>call ended</source>
        <translation>通话已结束</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="115"/>
        <source>EMERGENCY %1 dialled from %2 at %3 (%4)</source>
        <translation>紧急呼叫：%2 于 %3 拨打 %1（%4）</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="124"/>
        <source>EMERGENCY %1 · room %2</source>
        <translation>紧急呼叫 %1 · %2 房间</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="130"/>
        <source>Floor %1 · %2 · extension %3</source>
        <translation>%1 楼 · %2 · 分机 %3</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="137"/>
        <source>Floor %1 · extension %2</source>
        <translation>%1 楼 · 分机 %2</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="142"/>
        <source>Nobody is checked in to this room.</source>
        <translation>此房间无在住客人。</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="145"/>
        <source>Not acknowledged in time: duty manager and security called.</source>
        <translation>未及时确认：已呼叫值班经理和保安。</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="151"/>
        <source>PRIVACY: not to be named to callers</source>
        <translation>隐私客人：不得向来电者透露</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="153"/>
        <source>VIP %1</source>
        <translation>贵宾 %1</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="155"/>
        <source>speaks %1</source>
        <translation>语言 %1</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="157"/>
        <source>with %1</source>
        <translation>同行 %1</translation>
    </message>
    <message>
        <location filename="../../ui/emergency_banner.py" line="159"/>
        <source>notes: %1</source>
        <translation>备注：%1</translation>
    </message>
</context>
</TS>
