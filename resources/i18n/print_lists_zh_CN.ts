<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PrintLists</name>
    <message>
        <location filename="../../ui/print_lists.py" line="39"/>
        <source>Printed %1</source>
        <translation>打印时间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="47"/>
        <source>booked</source>
        <translation>已预订</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="48"/>
        <source>dialling</source>
        <translation>正在拨打</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="49"/>
        <source>to be tried again</source>
        <translation>待重拨</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="50"/>
        <location filename="../../ui/print_lists.py" line="62"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="51"/>
        <source>NOT ANSWERED</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="52"/>
        <source>handled by a person</source>
        <translation>已人工处理</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="53"/>
        <source>on the manual list</source>
        <translation>人工处理列表</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="54"/>
        <source>with the PBX</source>
        <translation>已交交换机</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="55"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="61"/>
        <source>under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="63"/>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="64"/>
        <source>busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="65"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="66"/>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="67"/>
        <source>answered, no key</source>
        <translation>已接听，未按键</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="68"/>
        <source>snoozed</source>
        <translation>稍后再叫</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="100"/>
        <location filename="../../ui/print_lists.py" line="275"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="101"/>
        <location filename="../../ui/print_lists.py" line="132"/>
        <location filename="../../ui/print_lists.py" line="148"/>
        <location filename="../../ui/print_lists.py" line="277"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="102"/>
        <location filename="../../ui/print_lists.py" line="131"/>
        <location filename="../../ui/print_lists.py" line="150"/>
        <source>Guest</source>
        <translation>住客</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="103"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="104"/>
        <source>Attempts</source>
        <translation>呼叫记录</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="105"/>
        <source>Handled</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="106"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="108"/>
        <source>Morning calls %1</source>
        <translation>%1 叫醒清单</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="109"/>
        <source>%1 calls</source>
        <translation>共 %1 个叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="129"/>
        <source>Arrives</source>
        <translation>抵店</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="130"/>
        <location filename="../../ui/print_lists.py" line="149"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="133"/>
        <source>Companions</source>
        <translation>同行</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="134"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="137"/>
        <source>VIP and expected arrivals</source>
        <translation>贵宾及预抵名单</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="145"/>
        <source>VIPs in house</source>
        <translation>在店贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="159"/>
        <source>upcoming</source>
        <translation>未到时</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="160"/>
        <source>DUE, not done</source>
        <translation>已到时，未完成</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="161"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="162"/>
        <source>MISSED</source>
        <translation>已错过</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="180"/>
        <source>Due</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="181"/>
        <source>Timed duty</source>
        <translation>定时事项</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="182"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="183"/>
        <source>Done by</source>
        <translation>完成人</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="190"/>
        <source>Operators: %1</source>
        <translation>话务员：%1</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="194"/>
        <source>Switchboard shift report</source>
        <translation>总机交班报告</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="197"/>
        <source>Calls</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="200"/>
        <source>Offered</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="201"/>
        <source>Answered</source>
        <translation>已接听</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="202"/>
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="203"/>
        <source>Within three rings</source>
        <translation>三声铃内接听</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="204"/>
        <source>Mean time to answer</source>
        <translation>平均应答时间</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="216"/>
        <source>Timed duties</source>
        <translation>定时事项</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="219"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="220"/>
        <source>Wake-up calls</source>
        <translation>叫醒服务</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="223"/>
        <source>Booked</source>
        <translation>已预订</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="224"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="225"/>
        <source>Tried again</source>
        <translation>重拨过</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="226"/>
        <source>Not answered</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="227"/>
        <source>Still open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="239"/>
        <source>Rooms and messages</source>
        <translation>房间与留言</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="242"/>
        <source>DND set</source>
        <translation>设免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="243"/>
        <source>DND cleared</source>
        <translation>取消免打扰</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="244"/>
        <source>Messages taken</source>
        <translation>记录留言</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="245"/>
        <source>Delivered late</source>
        <translation>超时转达</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="246"/>
        <source>Undelivered</source>
        <translation>未转达</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="260"/>
        <source>Handover</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="264"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="265"/>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="271"/>
        <source>Logbook</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="276"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/print_lists.py" line="278"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
</context>
</TS>
