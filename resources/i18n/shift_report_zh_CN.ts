<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ShiftReport</name>
    <message>
        <location filename="../../ui/shift_report.py" line="49"/>
        <source>Enquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="50"/>
        <source>Transfer</source>
        <translation>转接</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="51"/>
        <source>Service request</source>
        <translation>服务需求</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="52"/>
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="53"/>
        <source>Wake-up</source>
        <translation>叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="54"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="55"/>
        <source>Emergency</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="56"/>
        <source>Guest request</source>
        <translation>客人需求</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="57"/>
        <source>Maintenance</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="58"/>
        <source>Security</source>
        <translation>保安</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="59"/>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="60"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="68"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="69"/>
        <source>snoozed</source>
        <translation>稍后再叫</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="70"/>
        <source>no key</source>
        <translation>未按键</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="71"/>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="72"/>
        <source>busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="73"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="74"/>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="75"/>
        <source>escalated</source>
        <translation>已升级人工</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="76"/>
        <source>handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="77"/>
        <source>on the manual list</source>
        <translation>人工处理列表</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="78"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="88"/>
        <source>Due</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="90"/>
        <source>Attempts</source>
        <translation>呼叫记录</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="91"/>
        <source>End</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="92"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="108"/>
        <source>Wake-up calls that needed more than one attempt or a person</source>
        <translation>需多次呼叫或人工处理的叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="122"/>
        <source>Guest calls (PBX call records)</source>
        <translation>客人外线电话（交换机话单）</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="125"/>
        <source>Calls out from rooms</source>
        <translation>客房外拨电话</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="127"/>
        <source>Call charges</source>
        <translation>电话费</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="131"/>
        <source>Charges not accepted by the PMS yet</source>
        <translation>尚未被 PMS 接受的话费</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="180"/>
        <source>Switchboard shift report</source>
        <translation>总机交班报告</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="185"/>
        <source>Operators: %1</source>
        <translation>话务员：%1</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="193"/>
        <source>Printed %1</source>
        <translation>打印时间 %1</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="199"/>
        <location filename="../../ui/shift_report.py" line="227"/>
        <location filename="../../ui/shift_report.py" line="237"/>
        <location filename="../../ui/shift_report.py" line="245"/>
        <source>Calls</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="202"/>
        <source>Offered</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="203"/>
        <source>Answered</source>
        <translation>已接听</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="204"/>
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="206"/>
        <source>Answered within three rings</source>
        <translation>三声铃内接听</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="210"/>
        <source>Mean time to answer</source>
        <translation>平均应答时间</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="223"/>
        <source>Time to answer</source>
        <translation>应答时间</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="226"/>
        <source>Waited</source>
        <translation>等待</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="232"/>
        <source>Call categories</source>
        <translation>来电类别</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="236"/>
        <location filename="../../ui/shift_report.py" line="244"/>
        <location filename="../../ui/shift_report.py" line="305"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="253"/>
        <source>Timed duties</source>
        <translation>定时事项</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="259"/>
        <source>Wake-up calls, DND and messages</source>
        <translation>叫醒、免打扰和留言</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="262"/>
        <source>Wake-up calls booked</source>
        <translation>预订叫醒</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="264"/>
        <source>Confirmed by the guest</source>
        <translation>客人已确认</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="268"/>
        <source>Needed more than one attempt</source>
        <translation>需要多次呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="272"/>
        <source>Escalated to a person</source>
        <translation>转人工处理</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="275"/>
        <source>Still open</source>
        <translation>仍未完成</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="277"/>
        <source>DND set / cleared</source>
        <translation>免打扰 设置/取消</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="280"/>
        <source>Messages taken</source>
        <translation>记录留言</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="282"/>
        <source>Delivered after 30 minutes</source>
        <translation>超过 30 分钟才转达</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="285"/>
        <source>Not delivered</source>
        <translation>未转达</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="294"/>
        <source>Logbook: %1 entries, %2 follow-ups open</source>
        <translation>交班日志：%1 条记录，%2 项待跟进</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="303"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="304"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="89"/>
        <location filename="../../ui/shift_report.py" line="306"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="307"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="326"/>
        <source>…and %1 more entries</source>
        <translation>……另有 %1 条记录</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="333"/>
        <source>Handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="337"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="338"/>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="344"/>
        <source>No handover was composed.</source>
        <translation>本班没有交接记录。</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="350"/>
        <source>Operator</source>
        <translation>话务员</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="352"/>
        <source>Duty manager</source>
        <translation>值班经理</translation>
    </message>
    <message>
        <location filename="../../ui/shift_report.py" line="378"/>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
</context>
</TS>
