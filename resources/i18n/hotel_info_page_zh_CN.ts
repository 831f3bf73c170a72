<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HotelInfoPage</name>
    <message>
        <location filename="../../ui/hotel_info_page.py" line="53"/>
        <source>&amp;New page</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/hotel_info_page.py" line="55"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/hotel_info_page.py" line="58"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/hotel_info_page.py" line="59"/>
        <source>Topic (Chinese)</source>
        <translation>主题（中文）</translation>
    </message>
    <message>
        <location filename="../../ui/hotel_info_page.py" line="60"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/hotel_info_page.py" line="61"/>
        <source>Text (Chinese)</source>
        <translation>内容（中文）</translation>
    </message>
    <message>
        <location filename="../../ui/hotel_info_page.py" line="62"/>
        <source>Search words</source>
        <translation>搜索关键词</translation>
    </message>
    <message>
        <location filename="../../ui/hotel_info_page.py" line="135"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
</TS>
