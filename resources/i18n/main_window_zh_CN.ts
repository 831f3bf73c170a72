<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LinkLamp</name>
    <message>
        <location filename="../../ui/main_window.py" line="60"/>
        <source>up</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="61"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62"/>
        <source>DOWN</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63"/>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>%1 — Switchboard — %2</source>
        <translation>%1 — 总机台 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>TRAINING — simulated PBX and demo hotel. No real phone rings from this console.</source>
        <translation>培训模式 — 模拟交换机和演示酒店，本台操作不会拨打任何真实电话。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127"/>
        <source>Lamp field</source>
        <translation>忙灯盘</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>&amp;Console</source>
        <translation>总机(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>Sign &amp;out</source>
        <translation>签退(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>&amp;Keyboard sheet</source>
        <translation>快捷键一览(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>Keyboard sheet</source>
        <translation>快捷键一览</translation>
    </message>
</context>
</TS>
