<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PrivacyQuestion</name>
    <message>
        <location filename="../../ui/privacy_question.py" line="30"/>
        <source>Privacy guest %1: did the caller give the agreed password or name?</source>
        <translation>保密客人 %1：来电者是否说出了约定的密码或姓名？</translation>
    </message>
    <message>
        <location filename="../../ui/privacy_question.py" line="36"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/privacy_question.py" line="42"/>
        <source>Agreed word on record: %1</source>
        <translation>登记的约定口令：%1</translation>
    </message>
    <message>
        <location filename="../../ui/privacy_question.py" line="44"/>
        <source>No agreed word on record: ask the front desk before putting the call through.</source>
        <translation>没有登记约定口令：转接前请先询问前台。</translation>
    </message>
    <message>
        <location filename="../../ui/privacy_question.py" line="54"/>
        <source>&amp;Yes: put the call through</source>
        <translation>是(&amp;Y)：转接电话</translation>
    </message>
    <message>
        <location filename="../../ui/privacy_question.py" line="57"/>
        <source>&amp;No: say the hotel&apos;s words, offer a message</source>
        <translation>否(&amp;N)：按酒店说法答复，并提供留言</translation>
    </message>
    <message>
        <location filename="../../ui/privacy_question.py" line="72"/>
        <source>Caller&apos;s name</source>
        <translation>来电者姓名</translation>
    </message>
    <message>
        <location filename="../../ui/privacy_question.py" line="73"/>
        <source>Call-back number</source>
        <translation>回电号码</translation>
    </message>
    <message>
        <location filename="../../ui/privacy_question.py" line="74"/>
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../ui/privacy_question.py" line="75"/>
        <source>&amp;Take the message for the guest</source>
        <translation>为客人记下留言(&amp;T)</translation>
    </message>
</context>
</TS>
