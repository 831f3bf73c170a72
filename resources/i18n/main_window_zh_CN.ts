<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LinkLamp</name>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <source>up</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>DOWN</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76"/>
        <source>Click for the link monitor</source>
        <translation>点击打开链路监视</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>Position: %1</source>
        <translation>席位：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>%1 — Switchboard — %2</source>
        <translation>%1 — 总机台 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>TRAINING — simulated PBX and demo hotel. No real phone rings from this console.</source>
        <translation>培训模式 — 模拟交换机和演示酒店，本台操作不会拨打任何真实电话。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>Lamp field</source>
        <translation>忙灯盘</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>Signed out. The console and its calls stay up; sign in to work.</source>
        <translation>已签退。总机台和来电仍在运行；请签到后再操作。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>&amp;Sign in</source>
        <translation>签到(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>&amp;Console</source>
        <translation>总机(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>Sign &amp;out</source>
        <translation>签退(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>&amp;Keyboard sheet</source>
        <translation>快捷键一览(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>Colour &amp;legend</source>
        <translation>颜色说明(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>Keyboard sheet</source>
        <translation>快捷键一览</translation>
    </message>
</context>
<context>
    <name>QuitQuestion</name>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>&amp;Quit anyway</source>
        <translation>仍然退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>&amp;Stay</source>
        <translation>留下(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>%1 call(s) are waiting or on hold at this position. Quit the console anyway?</source>
        <translation>本台还有 %1 个来电在等待或保持中。仍要退出总机台吗？</translation>
    </message>
</context>
</TS>
