<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <location filename="../../ui/signin_dialog.py" line="97"/>
        <source>First start: create the administrator</source>
        <translation>首次启动：创建管理员</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="100"/>
        <source>This switchboard has no users yet. Create the administrator account; it can then add the operators, front desk and duty managers.</source>
        <translation>本总机台还没有用户。请先创建管理员账户，之后由管理员添加话务员、前台和值班经理。</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="120"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="121"/>
        <source>&amp;Full name</source>
        <translation>姓名(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="122"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="123"/>
        <source>&amp;Repeat password</source>
        <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="127"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="138"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/signin_dialog.py" line="46"/>
        <source>Sign in to the switchboard</source>
        <translation>登录总机台</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="57"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="58"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/signin_dialog.py" line="62"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
</TS>
