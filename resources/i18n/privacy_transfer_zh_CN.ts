<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PrivacyTransfer</name>
    <message>
        <location filename="../../ui/privacy_transfer.py" line="79"/>
        <source>The guest cannot take the call now: offer a message.</source>
        <translation>客人现在无法接听：请为来电者留言。</translation>
    </message>
    <message>
        <location filename="../../ui/privacy_transfer.py" line="96"/>
        <source>The caller has gone: nothing was sent.</source>
        <translation>来电者已挂断：未做任何转接。</translation>
    </message>
    <message>
        <location filename="../../ui/privacy_transfer.py" line="104"/>
        <source>The guest is no longer in house under privacy: the call was not put through.</source>
        <translation>该客人已不在店或已取消保密：电话未转接。</translation>
    </message>
    <message>
        <location filename="../../ui/privacy_transfer.py" line="112"/>
        <source>%1 (privacy)</source>
        <translation>%1（保密）</translation>
    </message>
    <message>
        <location filename="../../ui/privacy_transfer.py" line="138"/>
        <source>Message taken for %1.</source>
        <translation>已为 %1 留言。</translation>
    </message>
</context>
</TS>
