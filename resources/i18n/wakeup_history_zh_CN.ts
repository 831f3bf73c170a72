<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WakeUpHistoryPage</name>
    <message>
        <location filename="../../ui/wakeup_history.py" line="60"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="61"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="62"/>
        <source>Guest</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="63"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="64"/>
        <source>Attempts</source>
        <translation>呼叫记录</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="65"/>
        <source>Handled</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="66"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="78"/>
        <source>&amp;Print the morning-call list…</source>
        <translation>打印叫醒清单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="96"/>
        <source>Calls due on</source>
        <translation>叫醒日期</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="110"/>
        <source>(privacy)</source>
        <translation>（保密）</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="128"/>
        <source>The wake-up history is not shown to your role.</source>
        <translation>您的角色不能查看叫醒记录。</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="137"/>
        <source>%1 calls: %2 confirmed, %3 handled by a person, %4 not answered, %5 open</source>
        <translation>共 %1 个：%2 个已确认，%3 个人工处理，%4 个无人接听，%5 个未完成</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="163"/>
        <source>Morning-call list</source>
        <translation>叫醒清单</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="167"/>
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/wakeup_history.py" line="167"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
</context>
</TS>
