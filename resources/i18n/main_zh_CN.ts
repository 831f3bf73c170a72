<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Console</name>
    <message>
        <location filename="../../main.py" line="157"/>
        <source>Switchboard</source>
        <translation>总机台</translation>
    </message>
    <message>
        <location filename="../../main.py" line="221"/>
        <source>EMERGENCY CALL from %1: answer with F5</source>
        <translation>紧急来电：%1，按 F5 接听</translation>
    </message>
    <message>
        <location filename="../../main.py" line="239"/>
        <source>Search the directory</source>
        <translation>搜索通讯录</translation>
    </message>
    <message>
        <location filename="../../main.py" line="263"/>
        <source>Rooms</source>
        <translation>客房</translation>
    </message>
    <message>
        <location filename="../../main.py" line="264"/>
        <source>Wake-up calls</source>
        <translation>叫醒服务</translation>
    </message>
    <message>
        <location filename="../../main.py" line="265"/>
        <source>Messages</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../main.py" line="266"/>
        <source>Logbook</source>
        <translation>交班日志</translation>
    </message>
    <message>
        <location filename="../../main.py" line="268"/>
        <source>Hotel information</source>
        <translation>酒店信息</translation>
    </message>
    <message>
        <location filename="../../main.py" line="271"/>
        <source>Wake-up due now, call by hand: room %1</source>
        <translation>叫醒已到时，请人工拨打：%1 房</translation>
    </message>
    <message>
        <location filename="../../main.py" line="321"/>
        <source>Training demo users: %1</source>
        <translation>培训演示用户：%1</translation>
    </message>
    <message>
        <location filename="../../main.py" line="440"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../main.py" line="441"/>
        <source>The new language is used from the next start of the console.</source>
        <translation>新语言将在下次启动话务台时生效。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="458"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../main.py" line="459"/>
        <source>The settings could not be saved: %1</source>
        <translation>设置无法保存：%1</translation>
    </message>
</context>
</TS>
