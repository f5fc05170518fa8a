<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AllergenBanner</name>
    <message>
        <location filename="../../widgets/allergen_display.py" line="+89"/>
        <source>Allergies</source>
        <translation>过敏</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>⚠ Allergies:</source>
        <translation>⚠ 过敏：</translation>
    </message>
</context>
<context>
    <name>AllergenPicker</name>
    <message>
        <location line="+48"/>
        <source>Anything else, comma-separated, e.g. kiwi, lactose</source>
        <translation>其他，以逗号分隔，例如 猕猴桃, 乳糖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other allergies</source>
        <translation>其他过敏</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../widgets/context.py" line="+72"/>
        <source>Nobody is signed in. Choose your name on the sign-in screen.</source>
        <translation>当前没有人登录。请在登录界面选择你的名字。</translation>
    </message>
</context>
<context>
    <name>AuthorisationPanel</name>
    <message>
        <location filename="../../widgets/authorisation_panel.py" line="+77"/>
        <source>Supervisor authorisation</source>
        <translation>主管审批</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+229"/>
        <source>New amount</source>
        <translation>新金额</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>New amount for the chosen line</source>
        <translation>所选项目的新金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove line</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reason for refusing (required)</source>
        <translation>拒绝原因（必填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for refusing</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Back to the form</source>
        <translation>返回表单</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Walk-in customer</source>
        <translation>散客</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walk-in: no history.</source>
        <translation>散客：没有记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No earlier complaints in the last 90 days</source>
        <translation>过去 90 天内没有其他投诉</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n earlier complaint(s) in the last 90 days</source>
        <translation>
            <numerusform>过去 90 天内有 %n 件其他投诉</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+222"/>
        <source>Locked for %n more minute(s).</source>
        <translation>
            <numerusform>还会锁定 %n 分钟。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-170"/>
        <source>manager %1</source>
        <translation>经理 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limits per complaint: %1</source>
        <translation>每件投诉上限：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Over the manager&apos;s limit too: reduce the lines.</source>
        <translation>也超过经理上限：请减少补偿项目。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is over every supervisor&apos;s limit: needs a manager.</source>
        <translation>%1 超过所有主管的上限：须由经理审批。</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>compensation %1</source>
        <translation>补偿 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n refusal(s)</source>
        <translation>
            <numerusform>拒绝 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Total: %1</source>
        <translation>合计：%1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Supervisor: write the reason, then enter your PIN to refuse %1.</source>
        <translation>主管：请填写原因，再输入 PIN 码以拒绝 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>approve the changed lines</source>
        <translation>批准修改后的项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor: enter your PIN to %1 (%2).</source>
        <translation>主管：请输入 PIN 码以%1（%2）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New percentage</source>
        <translation>新百分比</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+27"/>
        <source>Choose a line in the list first.</source>
        <translation>请先在列表中选择一个项目。</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Type a percentage from 1 to 100.</source>
        <translation>请输入 1 到 100 之间的百分比。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This line has no amount to change; remove it instead.</source>
        <translation>这个项目没有可修改的金额，请改为删除。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Write why the compensation is refused, then enter the PIN again.</source>
        <translation>请填写拒绝补偿的原因，再重新输入 PIN 码。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Manager limit per complaint: %1.</source>
        <translation>经理每件投诉的上限：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%2&apos;s limit per complaint: %1. A manager must authorise this, or change the lines.</source>
        <translation>%2 每件投诉的上限：%1。须由经理批准，或修改项目。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Too many wrong PINs. PIN entry is locked for %1:%2 more.</source>
        <translation>PIN 码错误次数过多。PIN 输入还会锁定 %1:%2。</translation>
    </message>
</context>
<context>
    <name>BackupStatusPanel</name>
    <message>
        <location filename="../../widgets/backup_status.py" line="+39"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The last backup failed: {reason} Fix it and tap Back up now.</source>
        <translation>上次备份失败：{reason} 请排除问题后点按“立即备份”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No backup of this shop has been made yet. Tap Back up now.</source>
        <translation>本店尚未进行过备份。请点按“立即备份”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A backup is overdue: the last one is from {when}.</source>
        <translation>备份已逾期：上次备份是在 {when}。</translation>
    </message>
</context>
<context>
    <name>BackupUi</name>
    <message>
        <location filename="../../console/backup_ui.py" line="+35"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>BirthdayBatchPanel</name>
    <message>
        <location filename="../../widgets/birthday_batch.py" line="+115"/>
        <location line="+7"/>
        <source>Birthdays this week</source>
        <translation>本周寿星</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Only customers who agreed to be contacted.</source>
        <translation>仅限同意接受联系的顾客。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Make letters</source>
        <translation>生成信函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{start} – {end}: only customers who agreed to be contacted.</source>
        <translation>{start} – {end}：仅限同意接受联系的顾客。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n letter(s) to make.</source>
        <translation>
            <numerusform>需生成 %n 封信函。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Making %n letter(s)…</source>
        <translation>
            <numerusform>正在生成 %n 封信函…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n letter(s) ready to print.</source>
        <translation>
            <numerusform>%n 封信函可以打印。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+80"/>
        <source>%n letter(s) kept on the customers&apos; profiles.</source>
        <translation>
            <numerusform>已在顾客资料中保存 %n 封信函。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-137"/>
        <source>No birthdays this week.</source>
        <translation>本周没有寿星。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Stopped; no letters were made.</source>
        <translation>已停止，没有生成任何信函。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Birthday letters</source>
        <translation>生日贺信</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save birthday letters</source>
        <translation>保存生日贺信</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>BirthdayListModel</name>
    <message>
        <location filename="../../widgets/birthday_list_model.py" line="+51"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>turns {age}</source>
        <translation>满 {age} 岁</translation>
    </message>
</context>
<context>
    <name>ColumnMappingModel</name>
    <message>
        <location filename="../../widgets/import_models.py" line="+54"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes to</source>
        <translation>导入到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
</context>
<context>
    <name>CompensationLinesModel</name>
    <message>
        <location filename="../../widgets/compensation_lines_model.py" line="+50"/>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs a supervisor</source>
        <translation>需主管审批</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No value</source>
        <translation>无金额</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 % of %2</source>
        <translation>%2 的 %1%</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>valid until %1</source>
        <translation>有效期至 %1</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <location filename="../../widgets/complaint_form.py" line="+227"/>
        <location line="+813"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="-812"/>
        <source>Save, keep open</source>
        <translation>保存，保持未结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save now and finish later (e.g. when the real cause is known)</source>
        <translation>先保存，稍后再完成（例如查明真正原因后）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and finish</source>
        <translation>保存并完成</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Who and when</source>
        <translation>人员与时间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Walk-in: name if given (optional)</source>
        <translation>散客：如有提供请填姓名（选填）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Till</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+403"/>
        <source>About staff member</source>
        <translation>涉及员工</translation>
    </message>
    <message>
        <location line="-398"/>
        <source>What happened</source>
        <translation>事情经过</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In the customer&apos;s own words</source>
        <translation>顾客的原话</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <location line="+379"/>
        <source>Stated problem</source>
        <translation>顾客所述问题</translation>
    </message>
    <message>
        <location line="-383"/>
        <source>What you saw and did</source>
        <translation>你看到和处理的情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Real cause</source>
        <translation>真正原因</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printed in the apology letter, in the customer&apos;s language</source>
        <translation>以顾客的语言印在致歉信中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What we change</source>
        <translation>我们的改进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What we change so it does not happen again</source>
        <translation>我们如何改进以免再次发生</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Crisis flags</source>
        <translation>危机标记</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Own account</source>
        <translation>自述</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Putting it right</source>
        <translation>补救</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What would they like?</source>
        <translation>顾客希望怎么处理？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The options you offered</source>
        <translation>你提供的选项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The one the customer chose</source>
        <translation>顾客选择的选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer asked for</source>
        <translation>顾客要求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Options offered</source>
        <translation>提供的选项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Option chosen</source>
        <translation>选择的选项</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compensation lines</source>
        <translation>补偿项目</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount, e.g. 12.50</source>
        <translation>金额，例如 12.50</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bill, e.g. 48.00</source>
        <translation>账单金额，例如 48.00</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Percent of the bill</source>
        <translation>账单的百分比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Free item from the catalogue</source>
        <translation>商品目录中的免费商品</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Voucher valid until (inclusive)</source>
        <translation>代金券有效期至（含当日）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add line</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove line</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Ask a supervisor to authorise</source>
        <translation>请主管审批</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What was done</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settled on the spot</source>
        <translation>当场解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the customer will read about what happened and what was done, in the letter&apos;s language. Your notes never print.</source>
        <translation>顾客将在信中读到的事情经过与处理方式，请用信函的语言填写。你的备注不会打印出来。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Words for the letter</source>
        <translation>信函用语</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Promise and follow-up</source>
        <translation>承诺与跟进</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What we promised, e.g. call back</source>
        <translation>我们承诺的事，例如回电</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Not known yet</source>
        <translation>尚不清楚</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nobody in particular</source>
        <translation>无特定对象</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>For staff member</source>
        <translation>给员工</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What they praised</source>
        <translation>顾客表扬的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their suggestion</source>
        <translation>顾客的建议</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Walk-in customer</source>
        <translation>散客</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walk-in (no profile)</source>
        <translation>散客（无顾客资料）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Compensation total: %1</source>
        <translation>补偿合计：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Compensation with a value needs a supervisor before this can be finished.</source>
        <translation>有金额的补偿须经主管审批后才能完成。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 by %2: %3.</source>
        <translation>%1（%2）：%3。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 by %2 at till %4: %3.</source>
        <translation>%1，%2 于收银台 %4：%3。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (this till)</source>
        <translation>%1（本收银台）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not named</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last changed by %1 at till %2, %3</source>
        <translation>最后由 %1 于收银台 %2 修改，%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last changed by %1, %3</source>
        <translation>最后由 %1 修改，%3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Type an amount, such as 12.50.</source>
        <translation>请输入金额，例如 12.50。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Type a percentage from 1 to 100.</source>
        <translation>请输入 1 到 100 之间的百分比。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A decided line stays on the record.</source>
        <translation>已决定的项目会保留在记录中。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Line %1: %2</source>
        <translation>第 %1 项：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Please check the fields marked in red.</source>
        <translation>请检查标为红色的字段。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Not saved: choose their version or yours.</source>
        <translation>未保存：请选择对方的版本或您的版本。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Replace what you typed with the version saved at till %1? What you typed on this form is lost.</source>
        <translation>用收银台 %1 保存的版本替换您输入的内容？您在此表单输入的内容将会丢失。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace what you typed with the saved version? What you typed on this form is lost.</source>
        <translation>用已保存的版本替换您输入的内容？您在此表单输入的内容将会丢失。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load their version</source>
        <translation>载入对方的版本</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loaded the version saved now. Your changes were dropped.</source>
        <translation>已载入当前保存的版本。您的修改已舍弃。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Keeping your version: save again to replace theirs.</source>
        <translation>保留您的版本：再次保存即可替换对方的版本。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved. You can finish it later.</source>
        <translation>已保存，你可以稍后再完成。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Throw away what was typed on this form?</source>
        <translation>要放弃这张表单上输入的内容吗？</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>a walk-in customer</source>
        <translation>一位散客</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unsaved entry</source>
        <translation>未保存的记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An entry for %1 typed at %2 was not saved. Restore it?</source>
        <translation>%2 为%1输入的记录未保存。要恢复吗？</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Restored the unsaved entry. Check it and save.</source>
        <translation>已恢复未保存的记录，请检查后保存。</translation>
    </message>
</context>
<context>
    <name>ComplaintHistoryModel</name>
    <message>
        <location filename="../../widgets/complaint_history_model.py" line="+49"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What they said</source>
        <translation>顾客所说</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Till</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 compensation</source>
        <translation>补偿 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>compensation refused</source>
        <translation>补偿被拒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>satisfaction %1/5</source>
        <translation>满意度 %1/5</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <location filename="../../widgets/consent_section.py" line="+23"/>
        <source>Contact (letters, birthdays)</source>
        <translation>联系（信函、生日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeping their allergies on file</source>
        <translation>保存其过敏信息</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at the counter</source>
        <translation>在柜台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on a form</source>
        <translation>通过表格</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record consent</source>
        <translation>记录同意</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not given</source>
        <translation>未同意</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Given {when}, {how}</source>
        <translation>已于 {when} 同意（{how}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn {when}, {how}</source>
        <translation>已于 {when} 撤回（{how}）</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../widgets/customer_form.py" line="+87"/>
        <source>e.g. +358 40 123 4567</source>
        <translation>例如 +86 138 0013 8000</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. Ms Williams, 王小姐 (empty: full name)</source>
        <translation>例如 王小姐、Ms Williams（留空：使用全名）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— month —</source>
        <translation>— 月 —</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>— day —</source>
        <translation>— 日 —</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>year (optional)</source>
        <translation>年份（选填）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>comma-separated, e.g. window seat, quiet room</source>
        <translation>以逗号分隔，例如 靠窗座位, 安静的房间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>one per line: label MM-DD, e.g. Wedding anniversary 06-14</source>
        <translation>每行一条：名称 MM-DD，例如 结婚纪念日 06-14</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>— not noted —</source>
        <translation>— 未记录 —</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agrees to be contacted (letters, birthday wishes)</source>
        <translation>同意接受联系（信函、生日祝福）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Name *</source>
        <translation>姓名(&amp;N) *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;mail</source>
        <translation>电子邮箱(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letters greet</source>
        <translation>信函称呼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Birthday</source>
        <translation>生日(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Allergies</source>
        <translation>过敏(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;references</source>
        <translation>偏好(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Family dates</source>
        <translation>家庭纪念日(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pe&amp;rsonality</source>
        <translation>性格(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>联系</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>New customer</source>
        <translation>新增顾客</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit {name} ({number})</source>
        <translation>编辑 {name}（{number}）</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The year is four digits, e.g. 1985.</source>
        <translation>年份为四位数字，例如 1985。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Line {n}: write a label and MM-DD, e.g. Wedding anniversary 06-14.</source>
        <translation>第 {n} 行：请填写名称和 MM-DD，例如 结婚纪念日 06-14。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Same phone as: {names}</source>
        <translation>电话号码与以下顾客相同：{names}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Phone already in use</source>
        <translation>电话号码已被使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{names} already has this phone number. Save anyway?</source>
        <translation>{names} 已使用这个电话号码。仍要保存吗？</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Load their version</source>
        <translation>载入对方的版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace what you typed with the profile as it is saved now? What you typed on this form is lost.</source>
        <translation>用当前保存的资料替换您输入的内容？您在此表单输入的内容将会丢失。</translation>
    </message>
</context>
<context>
    <name>CustomerProfilePanel</name>
    <message>
        <location filename="../../widgets/customer_profile_panel.py" line="+90"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personality</source>
        <translation>性格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family dates</source>
        <translation>家庭纪念日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>到店次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spend</source>
        <translation>消费总额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>最近一次到店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Favourites</source>
        <translation>常点商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints (90 days)</source>
        <translation>投诉（90 天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compensation (90 days)</source>
        <translation>补偿（90 天）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&amp;Edit customer</source>
        <translation>编辑顾客(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record &amp;purchase</source>
        <translation>记录消费(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+14"/>
        <source>Purchase history</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No purchases yet.</source>
        <translation>暂无消费记录。</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Birthday today!</source>
        <translation>今天生日！</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birthday tomorrow</source>
        <translation>明天生日</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Birthday in %n day(s)</source>
        <translation>
            <numerusform>%n 天后生日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>{date} (%n day(s) ago)</source>
        <translation>
            <numerusform>{date}（%n 天前）</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>{date} (today)</source>
        <translation>{date}（今天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{date} (yesterday)</source>
        <translation>{date}（昨天）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>CustomerSearch</name>
    <message>
        <location filename="../../widgets/customer_search.py" line="+39"/>
        <source>Search: name, phone digits or customer number  (Ctrl+F)</source>
        <translation>搜索：姓名、电话号码数字或顾客编号（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer search</source>
        <translation>顾客搜索</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%n customer(s) found.</source>
        <translation>
            <numerusform>找到 %n 位顾客。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down to move, Enter to open.</source>
        <translation>按向下键移动，按 Enter 打开。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No customer matches “{text}”. Ctrl+N adds a new customer.</source>
        <translation>没有符合“{text}”的顾客。按 Ctrl+N 新增顾客。</translation>
    </message>
</context>
<context>
    <name>DraftsUi</name>
    <message>
        <location filename="../../console/drafts_ui.py" line="+25"/>
        <source>Unsaved drafts</source>
        <translation>未保存的草稿</translation>
    </message>
</context>
<context>
    <name>EditConflictBar</name>
    <message>
        <location filename="../../widgets/edit_conflict_bar.py" line="+39"/>
        <source>Load their version</source>
        <translation>载入对方的版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace what is on this form with what is saved now</source>
        <translation>用当前保存的内容替换此表单上的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep what you typed; the next save replaces their change</source>
        <translation>保留您输入的内容；下次保存会替换对方的修改</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 changed this profile at till %2 at %3, after you opened it.</source>
        <translation>%1 在您打开后，于 %3 在收银台 %2 修改了此资料。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed this profile at %3, after you opened it.</source>
        <translation>%1 在您打开后，于 %3 修改了此资料。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 changed this entry at till %2 at %3, after you opened it.</source>
        <translation>%1 在您打开后，于 %3 在收银台 %2 修改了此项目。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed this entry at %3, after you opened it.</source>
        <translation>%1 在您打开后，于 %3 修改了此项目。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your changes were not saved; what you typed is still here.</source>
        <translation>您的修改未保存；您输入的内容仍在这里。</translation>
    </message>
</context>
<context>
    <name>ErasePanel</name>
    <message>
        <location filename="../../widgets/erase_panel.py" line="+40"/>
        <source>Erasing removes the name, phone, email, birthday, allergies, preferences, family dates and the words of their complaints and letters. Visits, amounts and report counts stay, without the person. This cannot be undone.</source>
        <translation>清除后将删除姓名、电话、电子邮箱、生日、过敏信息、偏好、家庭纪念日，以及其投诉和信函的文字内容。到店记录、金额和报表统计会保留，但不再与此人关联。此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Why, e.g. asked at the counter on 20 November (no names)</source>
        <translation>原因，例如 11 月 20 日在柜台提出要求（请勿填写姓名）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Manager&apos;s PIN</source>
        <translation>经理的 PIN 码</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Erase the personal data of {who}</source>
        <translation>清除 {who} 的个人信息</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Say why the data is erased.</source>
        <translation>请说明清除数据的原因。</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../../widgets/first_run_panel.py" line="+31"/>
        <source>Welcome to Counterpart</source>
        <translation>欢迎使用 Counterpart</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This database has no manager yet. The first manager adds the other staff and authorises larger compensation. Enter your name and choose a PIN of %1 to 12 digits.</source>
        <translation>这个数据库还没有经理。第一位经理负责添加其他员工，并审批较大额的补偿。请输入你的姓名，并设置 %1 到 12 位数字的 PIN 码。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Manager&apos;s name</source>
        <translation>经理姓名</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a PIN</source>
        <translation>设置 PIN 码</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A name is required.</source>
        <translation>姓名为必填项。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the same PIN again</source>
        <translation>请再输入一次相同的 PIN 码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two PINs differ. Choose a PIN again.</source>
        <translation>两次输入的 PIN 码不同，请重新设置。</translation>
    </message>
</context>
<context>
    <name>FollowUpCloseForm</name>
    <message>
        <location filename="../../widgets/follow_up_close_form.py" line="+94"/>
        <source>What did the customer say? Did the fix work?</source>
        <translation>顾客怎么说？问题解决了吗？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empathy</source>
        <translation>同理心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tangibles</source>
        <translation>有形环境</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsiveness</source>
        <translation>响应速度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The one thing they would change</source>
        <translation>顾客最想改变的一件事</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Would change</source>
        <translation>想改变的事</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close follow-up</source>
        <translation>结束跟进</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up for %1: %2</source>
        <translation>%1 的跟进：%2</translation>
    </message>
</context>
<context>
    <name>FollowUpList</name>
    <message>
        <location filename="../../widgets/follow_up_list.py" line="+82"/>
        <source>Due and overdue promises</source>
        <translation>到期与逾期的承诺</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No promises due. Well done.</source>
        <translation>没有到期的承诺，做得好！</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close follow-up</source>
        <translation>结束跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open customer</source>
        <translation>打开顾客资料</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>%n due</source>
        <translation>
            <numerusform>%n 项到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../../widgets/follow_up_model.py" line="+34"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (overdue)</source>
        <translation>%1（逾期）</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../widgets/home_view.py" line="+33"/>
        <source>Type a name, phone digits or a customer number above (Ctrl+F).</source>
        <translation>请在上方输入姓名、电话号码数字或顾客编号（Ctrl+F）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No birthdays today.</source>
        <translation>今天没有寿星。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No birthdays in the coming days.</source>
        <translation>近日没有寿星。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Birthdays today</source>
        <translation>今日寿星</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birthdays this week</source>
        <translation>本周寿星</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Hello, {name}.</source>
        <translation>{name}，你好。</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../../widgets/import_panel.py" line="+93"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their id</source>
        <translation>对方系统的编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given name</source>
        <translation>名字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family name</source>
        <translation>姓氏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allergies</source>
        <translation>过敏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent to contact</source>
        <translation>同意联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personality</source>
        <translation>个性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>到店次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First visit</source>
        <translation>首次到店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spend</source>
        <translation>消费总额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt or order id</source>
        <translation>小票或订单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s id</source>
        <translation>顾客编号（对方系统）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer number</source>
        <translation>顾客编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s e-mail</source>
        <translation>顾客电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s phone</source>
        <translation>顾客电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product code (SKU)</source>
        <translation>商品代码（SKU）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>品项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Import customers or purchases</source>
        <translation>导入顾客或消费记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customers</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Purchases</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the file holds</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+201"/>
        <source>No file chosen yet.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>Rows without a language:</source>
        <translation>未指定语言的行：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Columns of the file</source>
        <translation>文件的列</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+181"/>
        <source>First rows of the file</source>
        <translation>文件的前几行</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>&amp;Save refused rows…</source>
        <translation>保存被拒绝的行(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;heck</source>
        <translation>检查(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the whole file and list every problem; nothing is imported.</source>
        <translation>读取整个文件并列出所有问题；不会导入任何数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Finish it</source>
        <translation>完成导入(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge the rest of the checked rows.</source>
        <translation>合并其余已检查的行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove it</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the customers it added and put back those it changed.</source>
        <translation>删除它新增的顾客，并恢复它修改过的顾客。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Columns and where they go</source>
        <translation>各列及其导入位置</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The shop&apos;s: %1</source>
        <translation>门店语言：%1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The import of %1 was interrupted: %2 of %3 customers added, %4 updated. Finish it, or remove it, before the next import.</source>
        <translation>%1 的导入已中断：已新增 %2/%3 位顾客，更新 %4 位。请在下一次导入前完成或移除它。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove the interrupted import</source>
        <translation>移除中断的导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the customers it added and put back those it changed? Customers staff have recorded something for since stay.</source>
        <translation>删除它新增的顾客并恢复它修改过的顾客吗？此后员工已为其记录过内容的顾客会保留。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Finishing the interrupted import…</source>
        <translation>正在完成中断的导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removing the interrupted import…</source>
        <translation>正在移除中断的导入…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Problems with the file&apos;s columns</source>
        <translation>文件的列有问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These columns cannot be imported as they are: choose where each one goes, or “(not imported)”.</source>
        <translation>这些列无法直接导入：请为每一列选择导入位置，或选择“（不导入）”。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>First rows of the file, as they would be imported</source>
        <translation>文件的前几行（导入后的样子）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the file to see every problem before importing.</source>
        <translation>导入前请先检查文件，以查看所有问题。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first rows read well. Check the whole file; import it once the interrupted import above is finished or removed.</source>
        <translation>前几行读取正常。请检查整个文件；待上方中断的导入完成或移除后再导入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first rows read well. Check the whole file, or import it.</source>
        <translation>前几行读取正常。请检查整个文件，或直接导入。</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>%1 — %2, %3 format</source>
        <translation>%1 — %2，格式：%3</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cancelling: undoing what was done…</source>
        <translation>正在取消：正在撤销已完成的部分…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save the refused rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Importing… The counter can keep working meanwhile.</source>
        <translation>正在导入… 柜台可以照常操作。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking the whole file…</source>
        <translation>正在检查整个文件…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Checking rows</source>
        <translation>检查数据行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving</source>
        <translation>保存中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undoing the cancelled import</source>
        <translation>撤销已取消的导入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 of %3</source>
        <translation>%1：%2 / %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The interrupted import is removed: the customers it added are deleted and those it changed are as they were.</source>
        <translation>中断的导入已移除：它新增的顾客已删除，它修改过的顾客已恢复原样。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Problems with the file</source>
        <translation>文件有问题</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：未导入任何数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check cancelled. Nothing was imported.</source>
        <translation>已取消检查。未导入任何数据。</translation>
    </message>
    <message numerus="yes">
        <location line="-45"/>
        <location line="+46"/>
        <source>%n customer(s) it added stay: staff recorded a purchase, complaint, voucher, letter or consent for them meanwhile.</source>
        <translation>
            <numerusform>导入所新增的 %n 位顾客将保留：员工在此期间已为他们记录了购买、投诉、礼券、信件或同意。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refused rows: %1</source>
        <translation>被拒绝的行：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused rows: the first %1 of %2</source>
        <translation>被拒绝的行：%2 行中的前 %1 行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First rows, as they were read</source>
        <translation>前几行（读取时的原样）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows: %1 · Would add: %2 · Would update: %3 · Unchanged: %4 · Refused: %5</source>
        <translation>行数：%1 · 将新增：%2 · 将更新：%3 · 未变更：%4 · 被拒绝：%5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rows: %1 · Added: %2 · Updated: %3 · Unchanged: %4 · Refused: %5</source>
        <translation>行数：%1 · 已新增：%2 · 已更新：%3 · 未变更：%4 · 被拒绝：%5</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n allerg(y/ies) kept as free text: not one of the 14 EU allergens.</source>
        <translation>
            <numerusform>%n 项过敏已作为自由文本保留：不属于欧盟 14 种过敏原。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The refused rows are saved: fix them in a spreadsheet and check the file again.</source>
        <translation>被拒绝的行已保存：请用电子表格修正后，再检查一次文件。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n row(s) refused, so nothing was imported. Fix them in the file (or save them to fix in a spreadsheet) and check again.</source>
        <translation>
            <numerusform>%n 行被拒绝，因此未导入任何数据。请在文件中修正（或先保存下来，用电子表格修正）后再检查一次。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The whole file reads well: nothing has been imported yet. Import it when ready.</source>
        <translation>整个文件读取正常：目前尚未导入任何数据。准备好后即可导入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was imported: an earlier import was interrupted. Finish it or remove it first (above).</source>
        <translation>未导入任何数据：之前的一次导入已中断。请先完成或移除它（见上方）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was imported: the file cannot be read as it is (%1).</source>
        <translation>未导入任何数据：无法直接读取此文件（%1）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file cannot be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported: something went wrong (%1).</source>
        <translation>未导入任何数据：出现错误（%1）。</translation>
    </message>
</context>
<context>
    <name>ImportRowsModel</name>
    <message>
        <location filename="../../widgets/import_models.py" line="+126"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row</source>
        <translation>行内容</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <location filename="../../widgets/import_run.py" line="+83"/>
        <source>Importing needs a database file.</source>
        <translation>导入需要数据库文件。</translation>
    </message>
</context>
<context>
    <name>ImportUi</name>
    <message>
        <location filename="../../console/import_ui.py" line="+33"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../widgets/labels.py" line="+21"/>
        <source>New</source>
        <translation>新顾客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bronze</source>
        <translation>铜卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platinum</source>
        <translation>白金卡</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lively</source>
        <translation>活泼型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisive</source>
        <translation>果断型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steady</source>
        <translation>稳健型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analytical</source>
        <translation>分析型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enjoys a chat: be warm, share what is new, keep it light.</source>
        <translation>喜欢聊天：态度热情，分享新品，气氛轻松。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Values time: be brief, give the options, let them choose.</source>
        <translation>重视时间：简明扼要，提供选项，让顾客自己选。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Likes the familiar: be calm and friendly, no pressure, remember the usual.</source>
        <translation>喜欢熟悉感：冷静友善，不施压，记住常点的餐品。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wants facts: give precise details, ingredients and prices; do not rush.</source>
        <translation>重视事实：提供准确细节、配料和价格，不要催促。</translation>
    </message>
</context>
<context>
    <name>LetterHistoryPanel</name>
    <message>
        <location filename="../../widgets/letter_history.py" line="+93"/>
        <source>Letters sent</source>
        <translation>已寄出的信函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letters</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reprint…</source>
        <translation>重新打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a copy…</source>
        <translation>保存副本…</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Save a copy of the letter</source>
        <translation>保存信函副本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>LetterListModel</name>
    <message>
        <location line="-128"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Apology</source>
        <translation>致歉信</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thank you</source>
        <translation>感谢信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
</context>
<context>
    <name>LetterPreview</name>
    <message>
        <location filename="../../widgets/letter_preview.py" line="+109"/>
        <source>The printer could not be started. Check that it is connected and try again.</source>
        <translation>无法启动打印机。请确认打印机已连接后重试。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Apology</source>
        <translation>致歉信</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thank you</source>
        <translation>感谢信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loyal customer</source>
        <translation>忠实顾客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compliment</source>
        <translation>表扬</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After a resolved complaint</source>
        <translation>投诉处理完毕后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Complaint or compliment the letter is about</source>
        <translation>信函所涉及的投诉或表扬</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voucher printed on the letter</source>
        <translation>印在信函上的代金券</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kind of letter</source>
        <translation>信函类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the thank-you is for</source>
        <translation>感谢的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the letter</source>
        <translation>信函语言</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter text</source>
        <translation>信函内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The letter&apos;s text; a blank line starts a new paragraph.</source>
        <translation>信函内容；空一行即开始新段落。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reset text</source>
        <translation>恢复内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update preview</source>
        <translation>更新预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Letter preview</source>
        <translation>信函预览</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <translation>相关事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank-you for</source>
        <translation>感谢事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Text (you may edit it)</source>
        <translation>内容（可编辑）</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>The customer (no complaint)</source>
        <translation>顾客（无投诉）</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+67"/>
        <location line="+67"/>
        <source>Discard your changes?</source>
        <translation>要放弃你的修改吗？</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Writing about another complaint starts again from the template. Your changes to the text will be lost.</source>
        <translation>改为针对另一件投诉撰写会从模板重新开始，你对内容的修改将会丢失。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+22"/>
        <source>No voucher</source>
        <translation>无代金券</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Choose: no voucher or a valid one</source>
        <translation>请选择：不附代金券，或选择有效的代金券</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Changing the voucher starts again from the template. Your changes to the text will be lost.</source>
        <translation>更换代金券会从模板重新开始，你对内容的修改将会丢失。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Changing the letter or its language starts again from the template. Your changes to the text will be lost.</source>
        <translation>更换信函或语言会从模板重新开始，你对内容的修改将会丢失。</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Save letter as PDF</source>
        <translation>将信函保存为 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>LettersUi</name>
    <message>
        <location filename="../../console/letters_ui.py" line="+56"/>
        <source>← Back to the profile</source>
        <translation>← 返回顾客资料</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Letter…</source>
        <translation>信函(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>← Home</source>
        <translation>← 首页</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Complaint #%1 is saved. Give the customer the apology letter?</source>
        <translation>投诉 #%1 已保存。要给顾客致歉信吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview apology</source>
        <translation>预览致歉信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print apology</source>
        <translation>打印致歉信</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Letter for %1…</source>
        <translation>给 %1 的信函…</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Letters</source>
        <translation>信函</translation>
    </message>
</context>
<context>
    <name>LocalDraftsUi</name>
    <message>
        <location filename="../../console/local_drafts_ui.py" line="+83"/>
        <source>An order for %1 typed at %2 was not saved. Restore it?</source>
        <translation>%2 为%1输入的点单未保存。要恢复吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes to %1 typed at %2 were not saved. Restore them?</source>
        <translation>%2 对%1所做的修改未保存。要恢复吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new customer typed at %2 was not saved. Restore it?</source>
        <translation>%2 输入的新顾客未保存。要恢复吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A follow-up closing typed at %2 was not saved. Restore it?</source>
        <translation>%2 输入的结束跟进未保存。要恢复吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsaved entry</source>
        <translation>未保存的记录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="+79"/>
        <source>Counterpart — {shop}</source>
        <translation>Counterpart — {shop}</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New customer</source>
        <translation>新增顾客</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+262"/>
        <source>Nobody signed in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signed out: the console was not used for a while. Anything typed is kept for whoever typed it.</source>
        <translation>由于一段时间未使用，已自动退出登录。已输入的内容会为输入者保留。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed in: {name}</source>
        <translation>已登录：{name}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Purchase recorded: {total}</source>
        <translation>已记录消费：{total}</translation>
    </message>
</context>
<context>
    <name>NavRail</name>
    <message>
        <location filename="../../widgets/nav_rail.py" line="+162"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../widgets/notice_bar.py" line="+34"/>
        <location line="+1"/>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <location filename="../../console/options.py" line="+36"/>
        <source>Screen language (empty: system)</source>
        <translation>界面语言（留空：跟随系统）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base font size (points)</source>
        <translation>基本字号（磅）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait after a keystroke before searching (ms)</source>
        <translation>按键后多久开始搜索（毫秒）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Purchases loaded at a time in the history</source>
        <translation>消费记录每次加载的条数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days ahead shown in this week&apos;s birthdays</source>
        <translation>本周寿星列表显示未来几天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Till name (this machine)</source>
        <translation>收银台名称（本机）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database file of this till</source>
        <translation>本收银台的数据库文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shop of this till</source>
        <translation>此收银台所属门店</translation>
    </message>
</context>
<context>
    <name>PersonalDataUi</name>
    <message>
        <location filename="../../console/personal_data_ui.py" line="+40"/>
        <source>Consent</source>
        <translation>同意情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Erase data</source>
        <translation>清除数据</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Review inactive customers</source>
        <translation>检查不活跃顾客</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Export the customer&apos;s data</source>
        <translation>导出顾客的数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF and JSON (*.pdf)</source>
        <translation>PDF 和 JSON (*.pdf)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Export not written</source>
        <translation>未能写入导出文件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export written</source>
        <translation>导出文件已写入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written: {pdf} and {json}.</source>
        <translation>已写入：{pdf} 和 {json}。</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n customers</source>
        <translation>
            <numerusform>%n 位顾客</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhrasesPanel</name>
    <message>
        <location filename="../../widgets/phrases_panel.py" line="+124"/>
        <source>Language of the phrases</source>
        <translation>用语的语言</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Phrases that help</source>
        <translation>建议用语</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phrases to avoid</source>
        <translation>避免用语</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../widgets/pin_pad.py" line="+54"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Delete last digit</source>
        <translation>删除最后一位数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete last digit (Backspace)</source>
        <translation>删除最后一位数字（Backspace）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear (Esc)</source>
        <translation>清除（Esc）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the PIN (Enter)</source>
        <translation>输入 PIN 码（Enter）</translation>
    </message>
    <message>
        <location line="+96"/>
        <location line="+60"/>
        <source>A PIN has digits only.</source>
        <translation>PIN 码只能是数字。</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>A PIN has at most {n} digits.</source>
        <translation>PIN 码最多 {n} 位数字。</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>已输入 %n 位数字</numerusform>
        </translation>
    </message>
    <message>
        <location line="-13"/>
        <source>A PIN has %1 to %2 digits.</source>
        <translation>PIN 码为 %1 到 %2 位数字。</translation>
    </message>
</context>
<context>
    <name>PurchaseEntry</name>
    <message>
        <location filename="../../widgets/purchase_entry.py" line="+334"/>
        <source>Filter the catalogue</source>
        <translation>筛选商品目录</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+35"/>
        <source>Catalogue</source>
        <translation>商品目录</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Order lines</source>
        <translation>点单明细</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+1</source>
        <translation>+1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One more of the selected line (+)</source>
        <translation>所选项目加一（+）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>−1</source>
        <translation>−1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One less of the selected line (−)</source>
        <translation>所选项目减一（−）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected line (Delete)</source>
        <translation>移除所选项目（Delete）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Record purchase</source>
        <translation>记录消费(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Order</source>
        <translation>点单</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Purchase for {name} ({number})</source>
        <translation>{name}（{number}）的消费</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Total: {total}</source>
        <translation>合计：{total}</translation>
    </message>
</context>
<context>
    <name>PurchaseHistoryModel</name>
    <message>
        <location filename="../../widgets/purchase_history_model.py" line="+109"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
</context>
<context>
    <name>PurchaseLinesModel</name>
    <message>
        <location filename="../../widgets/purchase_entry.py" line="-291"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
</context>
<context>
    <name>RecoveryChecklist</name>
    <message>
        <location filename="../../widgets/recovery_checklist.py" line="+29"/>
        <source>Recovery steps</source>
        <translation>补救步骤</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../../widgets/report_panel.py" line="+144"/>
        <source>End-of-day report</source>
        <translation>日结报表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose dates</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report range</source>
        <translation>报表期间</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+24"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&amp;Make report</source>
        <translation>生成报表(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as &amp;CSV…</source>
        <translation>另存为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Making the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{complaints} complaints, {compliments} compliments, {suggestions} suggestions; {pages} pages.</source>
        <translation>投诉 {complaints} 件、表扬 {compliments} 件、建议 {suggestions} 件；共 {pages} 页。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save report as PDF</source>
        <translation>将报表保存为 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+20"/>
        <source>Cannot save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save report as CSV</source>
        <translation>将报表保存为 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved {detail} and {summary}.</source>
        <translation>已保存 {detail} 和 {summary}。</translation>
    </message>
</context>
<context>
    <name>ReportUi</name>
    <message>
        <location filename="../../console/report_ui.py" line="+30"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>RetentionModel</name>
    <message>
        <location filename="../../widgets/retention_panel.py" line="+52"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last activity</source>
        <translation>最近活动</translation>
    </message>
</context>
<context>
    <name>RetentionPanel</name>
    <message>
        <location line="+63"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erase selected…</source>
        <translation>清除所选…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Customers with no visit, complaint or voucher in {months} months: {count}</source>
        <translation>{months} 个月内没有到店、投诉或代金券的顾客：{count}</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../widgets/search_results_model.py" line="+59"/>
        <source>{name}, tier {tier}. Enter opens the profile.</source>
        <translation>{name}，等级 {tier}。按 Enter 打开顾客资料。</translation>
    </message>
</context>
<context>
    <name>ServerBanner</name>
    <message>
        <location filename="../../widgets/server_banner.py" line="+38"/>
        <source>Database server status</source>
        <translation>数据库服务器状态</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The database server cannot be reached since %1. Retrying; what you type is kept on this till. Save again when this message is gone.</source>
        <translation>自 %1 起无法连接到数据库服务器。正在重试；您输入的内容会保留在此收银台。此消息消失后请再保存一次。</translation>
    </message>
</context>
<context>
    <name>ServiceUi</name>
    <message>
        <location filename="../../console/service_ui.py" line="+96"/>
        <source>New &amp;complaint / compliment</source>
        <translation>新增投诉／表扬(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Complaint history</source>
        <translation>投诉记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Complaints, compliments and suggestions</source>
        <translation>投诉、表扬与建议</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+11"/>
        <source>Promises due and overdue</source>
        <translation>到期与逾期的承诺</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Open follow-ups</source>
        <translation>未结束的跟进</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Redeem a voucher</source>
        <translation>兑换代金券</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walk-in complaint</source>
        <translation>散客投诉</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redeem voucher</source>
        <translation>兑换代金券</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>No promises due. Well done.</source>
        <translation>没有到期的承诺，做得好！</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n due</source>
        <translation>
            <numerusform>%n 项到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Saved: %1 #%2</source>
        <translation>已保存：%1 #%2</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../widgets/settings_panel.py" line="+69"/>
        <source>e.g. fi_FI</source>
        <translation>例如 zh_CN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Europe/Helsinki</source>
        <translation>例如 Asia/Shanghai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 500.00</source>
        <translation>例如 500.00</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Supervisors and managers</source>
        <translation>主管和经理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Shop name</source>
        <translation>店名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo file</source>
        <translation>标志文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locale (numbers, money)</source>
        <translation>区域格式（数字、金额）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup folder (empty: beside the database)</source>
        <translation>备份文件夹（留空：数据库所在文件夹）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second backup folder (USB stick, share)</source>
        <translation>第二备份文件夹（U 盘、共享文件夹）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review inactive customers after (months)</source>
        <translation>顾客不活跃多久后需检查（月）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report language</source>
        <translation>报表语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager limit per complaint</source>
        <translation>经理每件投诉上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong PINs before lock</source>
        <translation>锁定前允许的 PIN 码错误次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock for (minutes)</source>
        <translation>锁定时间（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with a PIN</source>
        <translation>需用 PIN 码登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out when idle for (minutes)</source>
        <translation>闲置多久后自动退出登录（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong PINs at all tills before the shop locks</source>
        <translation>全店锁定前所有收银台允许的 PIN 码错误次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortest supervisor PIN (digits)</source>
        <translation>主管 PIN 码最短位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortest manager PIN (digits)</source>
        <translation>经理 PIN 码最短位数</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo my edits</source>
        <translation>撤销我的修改</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shop settings</source>
        <translation>门店设置</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Type a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Nothing to save: no setting was changed.</source>
        <translation>没有需要保存的内容：未更改任何设置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change %1 settings:</source>
        <translation>更改 %1 项设置：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Manager: enter your PIN to save.</source>
        <translation>经理：请输入 PIN 码以保存。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>SettingsUi</name>
    <message>
        <location filename="../../console/settings_ui.py" line="+31"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <location filename="../../widgets/sign_in_panel.py" line="+113"/>
        <source>Who is at the counter?</source>
        <translation>谁在柜台值班？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose your name (arrow keys and Enter work too).</source>
        <translation>请选择你的名字（也可以用方向键和 Enter）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No staff yet. A manager adds staff; for a demo run `counterpart demo`.</source>
        <translation>尚无员工。请由经理添加员工；如需演示，请运行 `counterpart demo`。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Staff names</source>
        <translation>员工姓名</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Your PIN</source>
        <translation>你的 PIN 码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back to the names</source>
        <translation>返回姓名列表(&amp;B)</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>%1, enter your PIN.</source>
        <translation>%1，请输入你的 PIN 码。</translation>
    </message>
</context>
<context>
    <name>StaffAdmin</name>
    <message>
        <location filename="../../widgets/staff_admin_panel.py" line="+55"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
</context>
<context>
    <name>StaffAdminPanel</name>
    <message>
        <location line="+71"/>
        <source>e.g. 50.00</source>
        <translation>例如 50.00</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>职位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit per complaint</source>
        <translation>每件投诉上限</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty the fields to add someone new</source>
        <translation>清空字段以添加人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add staff member</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change role or limit</source>
        <translation>修改职位或上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset PIN</source>
        <translation>重置 PIN 码</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>Manager: enter your PIN to confirm.</source>
        <translation>经理：请输入 PIN 码确认。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose a staff member in the list first.</source>
        <translation>请先在列表中选择一位员工。</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>A PIN has 4 to 8 digits.</source>
        <translation>PIN 码为 4 到 8 位数字。</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>4 to 12 digits</source>
        <translation>4 到 12 位数字</translation>
    </message>
    <message>
        <location line="+150"/>
        <location line="+83"/>
        <source>A name is required.</source>
        <translation>姓名为必填项。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>A PIN has %1 to %2 digits.</source>
        <translation>PIN 码为 %1 到 %2 位数字。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add %1 as %2.</source>
        <translation>添加 %1，职位为%2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Change %1 to %2.</source>
        <translation>将 %1 改为%2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deactivate %1. Their PIN stops working.</source>
        <translation>停用 %1，其 PIN 码将失效。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Set a new PIN for %1.</source>
        <translation>为 %1 设置新的 PIN 码。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Saved: %1.</source>
        <translation>已保存：%1。</translation>
    </message>
</context>
<context>
    <name>StaffListModel</name>
    <message>
        <location filename="../../widgets/sign_in_panel.py" line="-155"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../../widgets/staff_admin_panel.py" line="-359"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>职位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>settings</source>
        <translation>按设置</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>StaleDraftsModel</name>
    <message>
        <location filename="../../widgets/stale_drafts_panel.py" line="+49"/>
        <source>Typed by</source>
        <translation>输入者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>About</source>
        <translation>相关事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Unknown (an older draft)</source>
        <translation>未知（旧版草稿）</translation>
    </message>
</context>
<context>
    <name>StaleDraftsPanel</name>
    <message>
        <location line="+31"/>
        <source>Unsaved drafts</source>
        <translation>未保存的草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries typed but never saved, and not taken up again by whoever typed them. Discard those nobody needs.</source>
        <translation>已输入但从未保存、输入者也没有再继续处理的记录。请放弃没人需要的草稿。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Discard the selected draft</source>
        <translation>放弃所选草稿(&amp;D)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throw away the unsaved entry %1 typed? It cannot be brought back.</source>
        <translation>要放弃 %1 输入的未保存记录吗？放弃后无法恢复。</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../widgets/status_line.py" line="+23"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>TillNamePanel</name>
    <message>
        <location filename="../../widgets/till_name_panel.py" line="+25"/>
        <source>Name this till</source>
        <translation>为此收银台命名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This till</source>
        <translation>本收银台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every till sharing the shop&apos;s database has its own name. It is recorded on the complaints, purchases, authorisations, letters and vouchers written here, and named when two tills change the same complaint. It belongs to this machine.</source>
        <translation>共用本店数据库的每个收银台都有自己的名称。名称会记录在此处创建的投诉、购买、授权、信件和礼券上，并在两个收银台修改同一条投诉时显示。名称属于这台机器。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recorded on what this till writes. It is kept on this machine, apart from the shop settings below, which every till shares.</source>
        <translation>会记录在此收银台写入的数据上。名称保存在本机，与下方所有收银台共用的商店设置分开。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. Till 1, Bar, Terrace</source>
        <translation>例如：收银台 1、吧台、露台</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Till name</source>
        <translation>收银台名称</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save till name</source>
        <translation>保存收银台名称</translation>
    </message>
</context>
<context>
    <name>TillUi</name>
    <message>
        <location filename="../../console/till_ui.py" line="+115"/>
        <source>This till is now called %1.</source>
        <translation>此收银台现在名为 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Till: %1</source>
        <translation>收银台：%1</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <location filename="../../widgets/unsaved_changes.py" line="+83"/>
        <source>Throw away your changes?</source>
        <translation>要放弃你的修改吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you typed on this screen has not been saved. Throw it away?</source>
        <translation>此界面上输入的内容尚未保存。要放弃吗？</translation>
    </message>
</context>
<context>
    <name>VoucherRedeemPanel</name>
    <message>
        <location filename="../../widgets/voucher_redeem_panel.py" line="+32"/>
        <source>Voucher code, e.g. 7KQ2-M9XD</source>
        <translation>代金券券码，例如 7KQ2-M9XD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher code</source>
        <translation>代金券券码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your PIN</source>
        <translation>你的 PIN 码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN of the person taking the voucher</source>
        <translation>收取代金券人员的 PIN 码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeem</source>
        <translation>兑换</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Type your PIN to take the voucher.</source>
        <translation>请输入你的 PIN 码以收取代金券。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Voucher %1 redeemed: %2 off.</source>
        <translation>代金券 %1 已兑换：抵扣 %2。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../console/app.py" line="+124"/>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An unexpected error happened. What was saved is safe.

{error}</source>
        <translation>发生意外错误。已保存的数据不受影响。

{error}</translation>
    </message>
</context>
<context>
    <name>run</name>
    <message>
        <location filename="../../console/cmd_run.py" line="+242"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>server_away</name>
    <message>
        <location filename="../../widgets/server_away.py" line="+31"/>
        <source>Not available while the database server is away.</source>
        <translation>数据库服务器无法连接时不可用。</translation>
    </message>
</context>
<context>
    <name>server_ui</name>
    <message>
        <location filename="../../console/server_ui.py" line="+45"/>
        <source>The database server is back. Anything not saved can be saved now.</source>
        <translation>数据库服务器已恢复连接。未保存的内容现在可以保存了。</translation>
    </message>
</context>
<context>
    <name>show_error</name>
    <message>
        <location filename="../../widgets/errors.py" line="+39"/>
        <source>Please check the form</source>
        <translation>请检查表单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported</source>
        <translation>没有导入任何数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>An unexpected error happened and nothing was saved. Please tell the manager: {error}</source>
        <translation>发生意外错误，没有保存任何数据。请告知经理：{error}</translation>
    </message>
</context>
</TS>
