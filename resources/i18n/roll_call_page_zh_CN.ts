<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RollCallPage</name>
    <message>
        <location filename="../../ui/roll_call_page.py" line="110"/>
        <source>&amp;Start a roll-call…</source>
        <translation>开始点名(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="111"/>
        <source>S&amp;top the roll-call…</source>
        <translation>停止点名(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="116"/>
        <source>Save as &amp;CSV…</source>
        <translation>另存为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="117"/>
        <source>Save as &amp;PDF…</source>
        <translation>另存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="118"/>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="147"/>
        <source>Roll-call</source>
        <translation>疏散点名</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="169"/>
        <location filename="../../ui/roll_call_page.py" line="299"/>
        <source>The whole house</source>
        <translation>全楼</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="171"/>
        <location filename="../../ui/roll_call_page.py" line="302"/>
        <source>Floor %1</source>
        <translation>%1 楼</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="174"/>
        <source>R&amp;ooms</source>
        <translation>房间范围(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="177"/>
        <source>Duty manager&apos;s &amp;user name</source>
        <translation>值班经理用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="178"/>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="181"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="207"/>
        <source>Stop the roll-call: a duty manager types their password again</source>
        <translation>停止点名：值班经理须再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="208"/>
        <source>Stop &amp;it</source>
        <translation>停止(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="210"/>
        <source>Start a roll-call: a duty manager types their password again</source>
        <translation>开始点名：值班经理须再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="211"/>
        <source>Start rin&amp;ging</source>
        <translation>开始呼叫(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="257"/>
        <source>A roll-call is already running: stop it first.</source>
        <translation>已有点名正在进行：请先停止。</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="258"/>
        <source>Choose the floor.</source>
        <translation>请选择楼层。</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="259"/>
        <source>Choose the wing.</source>
        <translation>请选择翼楼。</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="289"/>
        <source>No roll-call has been started.</source>
        <translation>尚未开始疏散点名。</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="314"/>
        <source>Evacuation roll-call</source>
        <translation>疏散点名</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="341"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="343"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="349"/>
        <source>Save the roll-call</source>
        <translation>保存点名表</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="352"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="352"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="363"/>
        <source>Print the roll-call</source>
        <translation>打印点名表</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="367"/>
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/roll_call_page.py" line="367"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
</context>
</TS>
