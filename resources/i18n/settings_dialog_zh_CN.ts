<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="34"/>
        <source>Console settings</source>
        <translation>话务台设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="37"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="44"/>
        <source>Empty: this computer&apos;s own database (SQLite)</source>
        <translation>留空：使用本机数据库 (SQLite)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="47"/>
        <source>Training PBX (simulated)</source>
        <translation>培训交换机（模拟）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="48"/>
        <source>SIP PBX</source>
        <translation>SIP 交换机</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="53"/>
        <source>Empty: no PMS. socket://host:port or /dev/ttyUSB0</source>
        <translation>留空：不接 PMS。socket://主机:端口 或 /dev/ttyUSB0</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54"/>
        <source>RS-232 framing (LRC, ACK/NAK)</source>
        <translation>RS-232 帧格式（LRC，ACK/NAK）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="66"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67"/>
        <source>&amp;Position name</source>
        <translation>话务台名称(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="68"/>
        <source>&amp;Database address</source>
        <translation>数据库地址(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="69"/>
        <source>P&amp;BX</source>
        <translation>交换机(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="70"/>
        <source>PMS (&amp;FIAS) address</source>
        <translation>PMS（FIAS）地址(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="72"/>
        <source>PMS code &amp;page</source>
        <translation>PMS 字符集(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73"/>
        <source>The language, database and PBX change when the console next starts.</source>
        <translation>语言、数据库和交换机设置将在下次启动话务台时生效。</translation>
    </message>
</context>
</TS>
