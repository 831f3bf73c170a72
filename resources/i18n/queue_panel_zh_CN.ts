<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/queue_panel.py" line="98"/>
        <source>⚠ EMERGENCY CALL WAITING — answer with F5</source>
        <translation>⚠ 紧急来电等待中 — 按 F5 接听</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="125"/>
        <source>Answer</source>
        <translation>接听</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="126"/>
        <source>Release</source>
        <translation>挂断</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="127"/>
        <source>Hold/Retrieve</source>
        <translation>保留/恢复</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="128"/>
        <source>Transfer</source>
        <translation>转接</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="129"/>
        <source>Park</source>
        <translation>驻留</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="130"/>
        <source>Announce</source>
        <translation>通报转接</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="131"/>
        <source>Complete</source>
        <translation>完成转接</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="132"/>
        <source>Conference</source>
        <translation>三方通话</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="220"/>
        <source>A call could not be taken: %1</source>
        <translation>无法接入一个来电：%1</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="226"/>
        <location filename="../../ui/queue_panel.py" line="232"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="236"/>
        <source>%1 waiting</source>
        <translation>%1 个等待</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="258"/>
        <source>Target: %1 (privacy: ask first) · F8 transfer · F10 announce</source>
        <translation>目标：%1（保密：先核对）· F8 转接 · F10 通报</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="263"/>
        <source>Target: none (highlight a lamp or a directory entry)</source>
        <translation>目标：无（选中忙灯或目录条目）</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="267"/>
        <source>Target: %1 · F8 transfer · F10 announce</source>
        <translation>目标：%1 · F8 转接 · F10 通报转接</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="361"/>
        <source>No call to transfer. With no call up, Enter on an entry rings it.</source>
        <translation>没有可转接的来电。没有通话时，在条目上按回车即拨打。</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="367"/>
        <location filename="../../ui/queue_panel.py" line="405"/>
        <source>Choose the extension first: highlight a lamp or a directory entry.</source>
        <translation>请先选择分机：选中忙灯或目录条目。</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="399"/>
        <source>No caller on the line to announce.</source>
        <translation>线上没有可通报转接的来电。</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="380"/>
        <source>Answer the call first: tell the caller where the call goes.</source>
        <translation>请先接听：转接前告知来电者将转至何处。</translation>
    </message>
</context>
</TS>
