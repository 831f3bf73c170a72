<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PrintLists</name>
    <message>
        <location filename="../../ui/print_lists.py" line="38"/>
        <source>Printed %1</source>
        <translation>打印时间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="46"/>
        <source>booked</source>
        <translation>已预订</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="47"/>
        <source>dialling</source>
        <translation>正在拨打</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="48"/>
        <source>to be tried again</source>
        <translation>待重拨</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="49"/>
        <location filename="../../ui/print_lists.py" line="61"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="50"/>
        <source>NOT ANSWERED</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="51"/>
        <source>handled by a person</source>
        <translation>已人工处理</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="52"/>
        <source>on the manual list</source>
        <translation>人工处理列表</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="53"/>
        <source>with the PBX</source>
        <translation>已交交换机</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="54"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="60"/>
        <source>under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="62"/>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="63"/>
        <source>busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="64"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="65"/>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="66"/>
        <source>answered, no key</source>
        <translation>已接听，未按键</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="67"/>
        <source>snoozed</source>
        <translation>稍后再叫</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="89"/>
        <location filename="../../ui/print_lists.py" line="245"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="90"/>
        <location filename="../../ui/print_lists.py" line="118"/>
        <location filename="../../ui/print_lists.py" line="247"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="91"/>
        <location filename="../../ui/print_lists.py" line="117"/>
        <source>Guest</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="92"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="93"/>
        <source>Attempts</source>
        <translation>呼叫记录</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="94"/>
        <source>Handled</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="95"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="97"/>
        <source>Morning calls %1</source>
        <translation>%1 叫醒清单</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="98"/>
        <source>%1 calls</source>
        <translation>共 %1 个叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="115"/>
        <source>Arrives</source>
        <translation>抵店</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="116"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="119"/>
        <source>Companions</source>
        <translation>同行</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="120"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="123"/>
        <source>VIP and expected arrivals</source>
        <translation>贵宾及预抵名单</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="129"/>
        <source>upcoming</source>
        <translation>未到时</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="130"/>
        <source>DUE, not done</source>
        <translation>已到时，未完成</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="131"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="132"/>
        <source>MISSED</source>
        <translation>已错过</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="150"/>
        <source>Due</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="151"/>
        <source>Timed duty</source>
        <translation>定时事项</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="152"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="153"/>
        <source>Done by</source>
        <translation>完成人</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="160"/>
        <source>Operators: %1</source>
        <translation>话务员：%1</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="164"/>
        <source>Switchboard shift report</source>
        <translation>总机交班报告</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="167"/>
        <source>Calls</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="170"/>
        <source>Offered</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="171"/>
        <source>Answered</source>
        <translation>已接听</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="172"/>
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="173"/>
        <source>Within three rings</source>
        <translation>三声铃内接听</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="174"/>
        <source>Mean time to answer</source>
        <translation>平均应答时间</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="186"/>
        <source>Timed duties</source>
        <translation>定时事项</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="189"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="190"/>
        <source>Wake-up calls</source>
        <translation>叫醒服务</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="193"/>
        <source>Booked</source>
        <translation>已预订</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="194"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="195"/>
        <source>Tried again</source>
        <translation>重拨过</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="196"/>
        <source>Not answered</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="197"/>
        <source>Still open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="209"/>
        <source>Rooms and messages</source>
        <translation>房间与留言</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="212"/>
        <source>DND set</source>
        <translation>设免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="213"/>
        <source>DND cleared</source>
        <translation>取消免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="214"/>
        <source>Messages taken</source>
        <translation>记录留言</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="215"/>
        <source>Delivered late</source>
        <translation>超时转达</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="216"/>
        <source>Undelivered</source>
        <translation>未转达</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="230"/>
        <source>Handover</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="234"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="235"/>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="241"/>
        <source>Logbook</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="246"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="248"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
</context>
</TS>
