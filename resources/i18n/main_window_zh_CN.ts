<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LinkLamp</name>
    <message>
        <location filename="../../ui/main_window.py" line="63"/>
        <source>up</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65"/>
        <source>DOWN</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66"/>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="67"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <source>Click for the link monitor</source>
        <translation>点击打开链路监视</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>%1 — Switchboard — %2</source>
        <translation>%1 — 总机台 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>TRAINING — simulated PBX and demo hotel. No real phone rings from this console.</source>
        <translation>培训模式 — 模拟交换机和演示酒店，本台操作不会拨打任何真实电话。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>Lamp field</source>
        <translation>忙灯盘</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150"/>
        <source>&amp;Console</source>
        <translation>总机(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>Sign &amp;out</source>
        <translation>签退(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>&amp;Keyboard sheet</source>
        <translation>快捷键一览(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>Keyboard sheet</source>
        <translation>快捷键一览</translation>
    </message>
</context>
</TS>
