<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RollCallPage</name>
    <message>
        <location filename="../../ui/roll_call_page.py" line="103"/>
        <source>&amp;Start a roll-call…</source>
        <translation>开始点名(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="104"/>
        <source>S&amp;top the roll-call…</source>
        <translation>停止点名(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="109"/>
        <source>Save as C&amp;SV…</source>
        <translation>另存为 CSV(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="110"/>
        <source>Save as &amp;PDF…</source>
        <translation>另存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="111"/>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="140"/>
        <source>Roll-call</source>
        <translation>疏散点名</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="162"/>
        <location filename="../../ui/roll_call_page.py" line="279"/>
        <source>The whole house</source>
        <translation>全楼</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="164"/>
        <location filename="../../ui/roll_call_page.py" line="280"/>
        <source>Floor %1</source>
        <translation>%1 楼</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="165"/>
        <source>&amp;Rooms</source>
        <translation>房间范围(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="168"/>
        <source>Duty manager&apos;s &amp;user name</source>
        <translation>值班经理用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="169"/>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="172"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="198"/>
        <source>Stop the roll-call: a duty manager types their password again</source>
        <translation>停止点名：值班经理须再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="199"/>
        <source>S&amp;top it</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="201"/>
        <source>Start a roll-call: a duty manager types their password again</source>
        <translation>开始点名：值班经理须再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="202"/>
        <source>Start &amp;ringing</source>
        <translation>开始呼叫(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="240"/>
        <source>A roll-call is already running: stop it first.</source>
        <translation>已有点名正在进行：请先停止。</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="241"/>
        <source>Choose the floor.</source>
        <translation>请选择楼层。</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="269"/>
        <source>No roll-call has been started.</source>
        <translation>尚未开始疏散点名。</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="292"/>
        <source>Evacuation roll-call</source>
        <translation>疏散点名</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="319"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="321"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="327"/>
        <source>Save the roll-call</source>
        <translation>保存点名表</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="330"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="330"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="341"/>
        <source>Print the roll-call</source>
        <translation>打印点名表</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="345"/>
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="345"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
</context>
</TS>
