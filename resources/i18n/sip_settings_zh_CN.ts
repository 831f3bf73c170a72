<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SipSettingsDialog</name>
    <message>
        <location filename="../../ui/sip_settings.py" line="40"/>
        <source>SIP PBX</source>
        <translation>SIP 交换机</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="44"/>
        <source>pbx.hotel.lan:5060</source>
        <translation>pbx.hotel.lan:5060</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="49"/>
        <source>Same as the extension</source>
        <translation>与分机号相同</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="54"/>
        <source>Saved; type a new one to change it</source>
        <translation>已保存；如需更改请输入新密码</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="54"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="58"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="61"/>
        <source>All extensions, or e.g. 301-2099, 8000-8090</source>
        <translation>全部分机，或如 301-2099, 8000-8090</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="65"/>
        <source>Optional: the PBX&apos;s JSON-RPC, e.g. http://pbx:5071/RPC</source>
        <translation>可选：交换机的 JSON-RPC 地址，例如 http://pbx:5071/RPC</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="71"/>
        <source>&amp;Server</source>
        <translation>服务器(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="72"/>
        <source>&amp;Extension</source>
        <translation>分机号(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="73"/>
        <source>Authentication &amp;name</source>
        <translation>认证用户名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="74"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="75"/>
        <source>&amp;Transport</source>
        <translation>传输协议(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="76"/>
        <source>&amp;Lamp field</source>
        <translation>忙灯盘(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="77"/>
        <source>&amp;Registrations</source>
        <translation>注册状态(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="78"/>
        <source>Headset &amp;output</source>
        <translation>耳机听筒(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="79"/>
        <source>Headset m&amp;icrophone</source>
        <translation>耳机话筒(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="82"/>
        <source>The password is kept in this position&apos;s settings file, not in the database. Changes take effect when the console next starts.</source>
        <translation>密码保存在本席位的设置文件中，不存入数据库。更改在话务台下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="110"/>
        <source>The sound device of the operator&apos;s headset; default: the system&apos;s</source>
        <translation>话务员耳机所用的声音设备；default 为系统默认设备</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="117"/>
        <source>Enter the PBX&apos;s address, such as pbx.hotel.lan:5060.</source>
        <translation>请输入交换机地址，例如 pbx.hotel.lan:5060。</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="120"/>
        <source>The server must be a host name or address, with an optional :port.</source>
        <translation>服务器须为主机名或地址，可附带 :端口。</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="122"/>
        <source>Enter the console&apos;s extension number (letters, digits, at most 32).</source>
        <translation>请输入话务台的分机号（字母或数字，最多 32 位）。</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="125"/>
        <source>The registrations address must be an http:// or https:// address, or empty.</source>
        <translation>注册状态地址须以 http:// 或 https:// 开头，或留空。</translation>
    </message>
    <message>
        <location filename="../../ui/sip_settings.py" line="130"/>
        <source>The lamp field list cannot be read at “%1”: use ranges such as 301-399.</source>
        <translation>忙灯盘列表在“%1”处无法识别：请使用如 301-399 的分机号或范围。</translation>
    </message>
</context>
</TS>
