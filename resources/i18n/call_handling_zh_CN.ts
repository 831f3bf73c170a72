<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallHandling</name>
    <message>
        <location filename="../../ui/call_handling.py" line="110"/>
        <source>Message for the caller&apos;s room</source>
        <translation>给来电房间留言</translation>
    </message>
    <message>
        <location filename="../../ui/call_handling.py" line="114"/>
        <source>DND on/off for the caller&apos;s room</source>
        <translation>来电房间免打扰开/关</translation>
    </message>
    <message>
        <location filename="../../ui/call_handling.py" line="118"/>
        <source>Wake-up call for the caller&apos;s room</source>
        <translation>为来电房间预订叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/call_handling.py" line="122"/>
        <source>Save the call&apos;s category and note</source>
        <translation>保存通话类别和备注</translation>
    </message>
    <message>
        <location filename="../../ui/call_handling.py" line="178"/>
        <source>Call-back to %1 at %2 noted.</source>
        <translation>已记下 %2 回电 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/call_handling.py" line="186"/>
        <source>Emergency override of DND for %1: %2</source>
        <translation>紧急强插 %1 的免打扰：%2</translation>
    </message>
    <message>
        <location filename="../../ui/call_handling.py" line="202"/>
        <source>Call back now: %1 on %2 (%3)</source>
        <translation>现在回电：%1，电话 %2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/call_handling.py" line="213"/>
        <source>No room on the line.</source>
        <translation>当前通话不是客房。</translation>
    </message>
    <message>
        <location filename="../../ui/call_handling.py" line="231"/>
        <source>DND on for %1: until when? (e.g. 0700 Enter)</source>
        <translation>%1 已设免打扰：到几点？（例如 0700 回车）</translation>
    </message>
    <message>
        <location filename="../../ui/call_handling.py" line="235"/>
        <source>DND off for %1</source>
        <translation>%1 已取消免打扰</translation>
    </message>
</context>
</TS>
