<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AllergenBanner</name>
    <message>
        <location filename="../../widgets/allergen_display.py" line="+89"/>
        <source>Allergies</source>
        <translation>過敏</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>⚠ Allergies:</source>
        <translation>⚠ 過敏：</translation>
    </message>
</context>
<context>
    <name>AllergenPicker</name>
    <message>
        <location line="+48"/>
        <source>Anything else, comma-separated, e.g. kiwi, lactose</source>
        <translation>其他過敏原，以逗號分隔，例如 奇異果, 乳糖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other allergies</source>
        <translation>其他過敏</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../widgets/context.py" line="+72"/>
        <source>Nobody is signed in. Choose your name on the sign-in screen.</source>
        <translation>目前沒有人登入。請在登入畫面選擇你的名字。</translation>
    </message>
</context>
<context>
    <name>AuthorisationPanel</name>
    <message>
        <location filename="../../widgets/authorisation_panel.py" line="+77"/>
        <source>Supervisor authorisation</source>
        <translation>主管核准</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+229"/>
        <source>New amount</source>
        <translation>新金額</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>New amount for the chosen line</source>
        <translation>所選項目的新金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove line</source>
        <translation>刪除項目</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Approve</source>
        <translation>核准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse</source>
        <translation>拒絕</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reason for refusing (required)</source>
        <translation>拒絕原因（必填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for refusing</source>
        <translation>拒絕原因</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Back to the form</source>
        <translation>返回表單</translation>
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
        <translation>散客：沒有紀錄。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No earlier complaints in the last 90 days</source>
        <translation>過去 90 天內沒有其他客訴</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n earlier complaint(s) in the last 90 days</source>
        <translation>
            <numerusform>過去 90 天內有 %n 件其他客訴</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+222"/>
        <source>Locked for %n more minute(s).</source>
        <translation>
            <numerusform>還會鎖定 %n 分鐘。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-170"/>
        <source>manager %1</source>
        <translation>經理 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limits per complaint: %1</source>
        <translation>每件客訴上限：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Over the manager&apos;s limit too: reduce the lines.</source>
        <translation>也超過經理上限：請減少補償項目。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is over every supervisor&apos;s limit: needs a manager.</source>
        <translation>%1 超過所有主管的上限：須由經理核准。</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>compensation %1</source>
        <translation>補償 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n refusal(s)</source>
        <translation>
            <numerusform>%n 次拒絕</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Total: %1</source>
        <translation>合計：%1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Supervisor: write the reason, then enter your PIN to refuse %1.</source>
        <translation>主管：請填寫原因，再輸入 PIN 碼以拒絕 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>approve the changed lines</source>
        <translation>核准修改後的項目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>approve</source>
        <translation>核准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor: enter your PIN to %1 (%2).</source>
        <translation>主管：請輸入 PIN 碼以%1（%2）。</translation>
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
        <translation>請先在清單中選擇一個項目。</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Type a percentage from 1 to 100.</source>
        <translation>請輸入 1 到 100 之間的百分比。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This line has no amount to change; remove it instead.</source>
        <translation>這個項目沒有可修改的金額，請改為刪除。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Write why the compensation is refused, then enter the PIN again.</source>
        <translation>請填寫拒絕補償的原因，再重新輸入 PIN 碼。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Manager limit per complaint: %1.</source>
        <translation>經理每件客訴的上限：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%2&apos;s limit per complaint: %1. A manager must authorise this, or change the lines.</source>
        <translation>%2 每件客訴的上限：%1。須由經理核准，或修改項目。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Too many wrong PINs. PIN entry is locked for %1:%2 more.</source>
        <translation>PIN 碼錯誤次數過多。PIN 輸入還會鎖定 %1:%2。</translation>
    </message>
</context>
<context>
    <name>BackupStatusPanel</name>
    <message>
        <location filename="../../widgets/backup_status.py" line="+39"/>
        <source>Back up now</source>
        <translation>立即備份</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The last backup failed: {reason} Fix it and tap Back up now.</source>
        <translation>上次備份失敗：{reason} 請排除問題後點選「立即備份」。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No backup of this shop has been made yet. Tap Back up now.</source>
        <translation>這家店尚未建立任何備份。請點選「立即備份」。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A backup is overdue: the last one is from {when}.</source>
        <translation>備份已逾期：最近一次備份是在 {when}。</translation>
    </message>
</context>
<context>
    <name>BackupUi</name>
    <message>
        <location filename="../../console/backup_ui.py" line="+35"/>
        <source>Backups</source>
        <translation>備份</translation>
    </message>
</context>
<context>
    <name>BirthdayBatchPanel</name>
    <message>
        <location filename="../../widgets/birthday_batch.py" line="+115"/>
        <location line="+7"/>
        <source>Birthdays this week</source>
        <translation>本週壽星</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Only customers who agreed to be contacted.</source>
        <translation>僅限同意接受聯絡的顧客。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Make letters</source>
        <translation>製作信函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>列印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>另存為 PDF…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{start} – {end}: only customers who agreed to be contacted.</source>
        <translation>{start} – {end}：僅限同意接受聯絡的顧客。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n letter(s) to make.</source>
        <translation>
            <numerusform>要製作 %n 封信函。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Making %n letter(s)…</source>
        <translation>
            <numerusform>正在製作 %n 封信函…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n letter(s) ready to print.</source>
        <translation>
            <numerusform>%n 封信函可以列印了。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+80"/>
        <source>%n letter(s) kept on the customers&apos; profiles.</source>
        <translation>
            <numerusform>%n 封信函已存入顧客資料。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-137"/>
        <source>No birthdays this week.</source>
        <translation>本週沒有壽星。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Stopped; no letters were made.</source>
        <translation>已停止，沒有製作任何信函。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Birthday letters</source>
        <translation>生日賀信</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save birthday letters</source>
        <translation>儲存生日賀信</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot save {path}: {reason}</source>
        <translation>無法儲存 {path}：{reason}</translation>
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
        <translation>滿 {age} 歲</translation>
    </message>
</context>
<context>
    <name>ColumnMappingModel</name>
    <message>
        <location filename="../../widgets/import_models.py" line="+54"/>
        <source>Column</source>
        <translation>欄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes to</source>
        <translation>匯入到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Example</source>
        <translation>範例</translation>
    </message>
</context>
<context>
    <name>CompensationLinesModel</name>
    <message>
        <location filename="../../widgets/compensation_lines_model.py" line="+50"/>
        <source>Compensation</source>
        <translation>補償</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>詳細資料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Approved</source>
        <translation>已核准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused</source>
        <translation>已拒絕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs a supervisor</source>
        <translation>需主管核准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No value</source>
        <translation>無金額</translation>
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
        <translation>捨棄</translation>
    </message>
    <message>
        <location line="-812"/>
        <source>Save, keep open</source>
        <translation>儲存，保持未結</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save now and finish later (e.g. when the real cause is known)</source>
        <translation>先儲存，稍後再完成（例如查明真正原因後）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and finish</source>
        <translation>儲存並完成</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Who and when</source>
        <translation>人員與時間</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Walk-in: name if given (optional)</source>
        <translation>散客：如有提供請填姓名（選填）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Till</source>
        <translation>收銀台</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+403"/>
        <source>About staff member</source>
        <translation>涉及員工</translation>
    </message>
    <message>
        <location line="-398"/>
        <source>What happened</source>
        <translation>事情經過</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In the customer&apos;s own words</source>
        <translation>顧客的原話</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <location line="+379"/>
        <source>Stated problem</source>
        <translation>顧客所述問題</translation>
    </message>
    <message>
        <location line="-383"/>
        <source>What you saw and did</source>
        <translation>你看到和處理的情況</translation>
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
        <translation>會以顧客的語言印在致歉信上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What we change</source>
        <translation>改善措施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What we change so it does not happen again</source>
        <translation>為避免再次發生所做的改善</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Crisis flags</source>
        <translation>危機標記</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Own account</source>
        <translation>自述</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Putting it right</source>
        <translation>補救</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What would they like?</source>
        <translation>顧客希望怎麼處理？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The options you offered</source>
        <translation>你提供的選項</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The one the customer chose</source>
        <translation>顧客選擇的選項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer asked for</source>
        <translation>顧客要求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Options offered</source>
        <translation>提供的選項</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Option chosen</source>
        <translation>選擇的選項</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compensation lines</source>
        <translation>補償項目</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount, e.g. 12.50</source>
        <translation>金額，例如 12.50</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Bill</source>
        <translation>帳單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bill, e.g. 48.00</source>
        <translation>帳單金額，例如 48.00</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Percent of the bill</source>
        <translation>帳單的百分比</translation>
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
        <translation>商品目錄中的免費品項</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Voucher valid until (inclusive)</source>
        <translation>抵用券有效期至（含當日）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note (optional)</source>
        <translation>備註（選填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add line</source>
        <translation>新增項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove line</source>
        <translation>刪除項目</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Ask a supervisor to authorise</source>
        <translation>請主管核准</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compensation</source>
        <translation>補償</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What was done</source>
        <translation>處理方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settled on the spot</source>
        <translation>當場解決</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>處理結果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the customer will read about what happened and what was done, in the letter&apos;s language. Your notes never print.</source>
        <translation>顧客會在信中讀到的事情經過與處理方式，以信函的語言撰寫。你的備註不會印出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Words for the letter</source>
        <translation>信函用語</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Promise and follow-up</source>
        <translation>承諾與追蹤</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What we promised, e.g. call back</source>
        <translation>我們承諾的事，例如回電</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Promise</source>
        <translation>承諾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Not known yet</source>
        <translation>尚不清楚</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nobody in particular</source>
        <translation>無特定對象</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>For staff member</source>
        <translation>給員工</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What they praised</source>
        <translation>顧客稱讚的內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their suggestion</source>
        <translation>顧客的建議</translation>
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
        <translation>散客（無顧客資料）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Compensation total: %1</source>
        <translation>補償合計：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Compensation with a value needs a supervisor before this can be finished.</source>
        <translation>有金額的補償須經主管核准後才能完成。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approved</source>
        <translation>已核准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused</source>
        <translation>已拒絕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 by %2: %3.</source>
        <translation>%1（%2）：%3。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 by %2 at till %4: %3.</source>
        <translation>%1，%2 於收銀台 %4：%3。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (this till)</source>
        <translation>%1（本收銀台）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not named</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not recorded</source>
        <translation>未記錄</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last changed by %1 at till %2, %3</source>
        <translation>最後由 %1 於收銀台 %2 修改，%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last changed by %1, %3</source>
        <translation>最後由 %1 修改，%3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Type an amount, such as 12.50.</source>
        <translation>請輸入金額，例如 12.50。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Type a percentage from 1 to 100.</source>
        <translation>請輸入 1 到 100 之間的百分比。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A decided line stays on the record.</source>
        <translation>已決定的項目會保留在紀錄中。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Line %1: %2</source>
        <translation>第 %1 項：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Please check the fields marked in red.</source>
        <translation>請檢查標示為紅色的欄位。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Not saved: choose their version or yours.</source>
        <translation>未儲存：請選擇對方的版本或您的版本。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Replace what you typed with the version saved at till %1? What you typed on this form is lost.</source>
        <translation>以收銀台 %1 儲存的版本取代您輸入的內容？您在此表單輸入的內容將會遺失。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace what you typed with the saved version? What you typed on this form is lost.</source>
        <translation>以已儲存的版本取代您輸入的內容？您在此表單輸入的內容將會遺失。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load their version</source>
        <translation>載入對方的版本</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loaded the version saved now. Your changes were dropped.</source>
        <translation>已載入目前儲存的版本。您的修改已捨棄。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Keeping your version: save again to replace theirs.</source>
        <translation>保留您的版本：再次儲存即可取代對方的版本。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved. You can finish it later.</source>
        <translation>已儲存，你可以稍後再完成。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Throw away what was typed on this form?</source>
        <translation>要捨棄這張表單上輸入的內容嗎？</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>a walk-in customer</source>
        <translation>一位散客</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unsaved entry</source>
        <translation>未儲存的紀錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An entry for %1 typed at %2 was not saved. Restore it?</source>
        <translation>%2 為%1輸入的紀錄未儲存。要還原嗎？</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Restored the unsaved entry. Check it and save.</source>
        <translation>已還原未儲存的紀錄，請檢查後儲存。</translation>
    </message>
</context>
<context>
    <name>ComplaintHistoryModel</name>
    <message>
        <location filename="../../widgets/complaint_history_model.py" line="+49"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What they said</source>
        <translation>顧客所說</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Till</source>
        <translation>收銀台</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 compensation</source>
        <translation>補償 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>compensation refused</source>
        <translation>補償遭拒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>satisfaction %1/5</source>
        <translation>滿意度 %1/5</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <location filename="../../widgets/consent_section.py" line="+23"/>
        <source>Contact (letters, birthdays)</source>
        <translation>聯絡（信函、生日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeping their allergies on file</source>
        <translation>保存其過敏資料</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at the counter</source>
        <translation>於櫃檯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported</source>
        <translation>經匯入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on a form</source>
        <translation>以表單</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record consent</source>
        <translation>記錄同意</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not given</source>
        <translation>未同意</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Given {when}, {how}</source>
        <translation>{when} {how}同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn {when}, {how}</source>
        <translation>{when} {how}撤回</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../widgets/customer_form.py" line="+87"/>
        <source>e.g. +358 40 123 4567</source>
        <translation>例如 +886 912 345 678</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. Ms Williams, 王小姐 (empty: full name)</source>
        <translation>例如 Ms Williams、王小姐（留空：全名）</translation>
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
        <translation>年份（選填）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>comma-separated, e.g. window seat, quiet room</source>
        <translation>以逗號分隔，例如 靠窗座位, 安靜的房間</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>one per line: label MM-DD, e.g. Wedding anniversary 06-14</source>
        <translation>每行一筆：名稱 MM-DD，例如 結婚紀念日 06-14</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>— not noted —</source>
        <translation>— 未記錄 —</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agrees to be contacted (letters, birthday wishes)</source>
        <translation>同意接受聯絡（信函、生日祝福）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Name *</source>
        <translation>姓名(&amp;N) *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>電話(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;mail</source>
        <translation>電子郵件(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letters greet</source>
        <translation>信函稱呼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Birthday</source>
        <translation>生日(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Allergies</source>
        <translation>過敏(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;references</source>
        <translation>偏好(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags</source>
        <translation>標籤(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Family dates</source>
        <translation>家庭紀念日(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pe&amp;rsonality</source>
        <translation>性格(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>聯絡</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
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
        <translation>新增顧客</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit {name} ({number})</source>
        <translation>編輯 {name}（{number}）</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The year is four digits, e.g. 1985.</source>
        <translation>年份為四位數字，例如 1985。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Line {n}: write a label and MM-DD, e.g. Wedding anniversary 06-14.</source>
        <translation>第 {n} 行：請填寫名稱和 MM-DD，例如 結婚紀念日 06-14。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Same phone as: {names}</source>
        <translation>電話號碼與以下顧客相同：{names}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Phone already in use</source>
        <translation>電話號碼已被使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{names} already has this phone number. Save anyway?</source>
        <translation>{names} 已使用這個電話號碼。仍要儲存嗎？</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Load their version</source>
        <translation>載入對方的版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace what you typed with the profile as it is saved now? What you typed on this form is lost.</source>
        <translation>以目前儲存的資料取代您輸入的內容？您在此表單輸入的內容將會遺失。</translation>
    </message>
</context>
<context>
    <name>CustomerProfilePanel</name>
    <message>
        <location filename="../../widgets/customer_profile_panel.py" line="+90"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>語言</translation>
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
        <translation>標籤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personality</source>
        <translation>性格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family dates</source>
        <translation>家庭紀念日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>來店次數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spend</source>
        <translation>消費總額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>最近一次來店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Favourites</source>
        <translation>常點品項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints (90 days)</source>
        <translation>客訴（90 天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compensation (90 days)</source>
        <translation>補償（90 天）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&amp;Edit customer</source>
        <translation>編輯顧客(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record &amp;purchase</source>
        <translation>記錄消費(&amp;P)</translation>
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
        <translation>消費紀錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No purchases yet.</source>
        <translation>尚無消費紀錄。</translation>
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
            <numerusform>%n 天後生日</numerusform>
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
        <translation>從未</translation>
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
        <translation>搜尋：姓名、電話號碼數字或顧客編號（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer search</source>
        <translation>顧客搜尋</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%n customer(s) found.</source>
        <translation>
            <numerusform>找到 %n 位顧客。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down to move, Enter to open.</source>
        <translation>按向下鍵移動，按 Enter 開啟。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No customer matches “{text}”. Ctrl+N adds a new customer.</source>
        <translation>沒有符合「{text}」的顧客。按 Ctrl+N 新增顧客。</translation>
    </message>
</context>
<context>
    <name>DraftsUi</name>
    <message>
        <location filename="../../console/drafts_ui.py" line="+25"/>
        <source>Unsaved drafts</source>
        <translation>未儲存的草稿</translation>
    </message>
</context>
<context>
    <name>EditConflictBar</name>
    <message>
        <location filename="../../widgets/edit_conflict_bar.py" line="+39"/>
        <source>Load their version</source>
        <translation>載入對方的版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace what is on this form with what is saved now</source>
        <translation>以目前儲存的內容取代此表單上的內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep what you typed; the next save replaces their change</source>
        <translation>保留您輸入的內容；下次儲存會取代對方的修改</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 changed this profile at till %2 at %3, after you opened it.</source>
        <translation>%1 在您開啟後，於 %3 在收銀台 %2 修改了此資料。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed this profile at %3, after you opened it.</source>
        <translation>%1 在您開啟後，於 %3 修改了此資料。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 changed this entry at till %2 at %3, after you opened it.</source>
        <translation>%1 在您開啟後，於 %3 在收銀台 %2 修改了此項目。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changed this entry at %3, after you opened it.</source>
        <translation>%1 在您開啟後，於 %3 修改了此項目。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your changes were not saved; what you typed is still here.</source>
        <translation>您的修改未儲存；您輸入的內容仍在這裡。</translation>
    </message>
</context>
<context>
    <name>ErasePanel</name>
    <message>
        <location filename="../../widgets/erase_panel.py" line="+40"/>
        <source>Erasing removes the name, phone, email, birthday, allergies, preferences, family dates and the words of their complaints and letters. Visits, amounts and report counts stay, without the person. This cannot be undone.</source>
        <translation>清除會移除姓名、電話、電子郵件、生日、過敏、偏好、家庭紀念日，以及其客訴和信函的內容。來店紀錄、金額和報表統計會保留，但不再與此人相關。此操作無法復原。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Why, e.g. asked at the counter on 20 November (no names)</source>
        <translation>原因，例如 11 月 20 日於櫃檯提出要求（請勿填寫姓名）</translation>
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
        <translation>經理的 PIN 碼</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Erase the personal data of {who}</source>
        <translation>清除 {who} 的個人資料</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Say why the data is erased.</source>
        <translation>請說明清除資料的原因。</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../../widgets/first_run_panel.py" line="+31"/>
        <source>Welcome to Counterpart</source>
        <translation>歡迎使用 Counterpart</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This database has no manager yet. The first manager adds the other staff and authorises larger compensation. Enter your name and choose a PIN of %1 to 12 digits.</source>
        <translation>這個資料庫還沒有經理。第一位經理負責新增其他員工，並核准較高額的補償。請輸入你的姓名，並設定 %1 到 12 位數的 PIN 碼。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Manager&apos;s name</source>
        <translation>經理姓名</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a PIN</source>
        <translation>設定 PIN 碼</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A name is required.</source>
        <translation>姓名為必填。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the same PIN again</source>
        <translation>請再輸入一次相同的 PIN 碼</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two PINs differ. Choose a PIN again.</source>
        <translation>兩次輸入的 PIN 碼不同，請重新設定。</translation>
    </message>
</context>
<context>
    <name>FollowUpCloseForm</name>
    <message>
        <location filename="../../widgets/follow_up_close_form.py" line="+94"/>
        <source>What did the customer say? Did the fix work?</source>
        <translation>顧客怎麼說？問題解決了嗎？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Satisfaction</source>
        <translation>滿意度</translation>
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
        <translation>有形環境</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsiveness</source>
        <translation>回應速度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The one thing they would change</source>
        <translation>顧客最想改變的一件事</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Would change</source>
        <translation>想改變的事</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close follow-up</source>
        <translation>結束追蹤</translation>
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
        <translation>%1 的追蹤：%2</translation>
    </message>
</context>
<context>
    <name>FollowUpList</name>
    <message>
        <location filename="../../widgets/follow_up_list.py" line="+82"/>
        <source>Due and overdue promises</source>
        <translation>到期與逾期的承諾</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No promises due. Well done.</source>
        <translation>沒有到期的承諾，做得好！</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close follow-up</source>
        <translation>結束追蹤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open customer</source>
        <translation>開啟顧客資料</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>%n due</source>
        <translation>
            <numerusform>%n 項到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 項逾期</numerusform>
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
        <translation>顧客</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Promise</source>
        <translation>承諾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>負責人</translation>
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
        <translation>請在上方輸入姓名、電話號碼數字或顧客編號（Ctrl+F）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No birthdays today.</source>
        <translation>今天沒有壽星。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No birthdays in the coming days.</source>
        <translation>近日沒有壽星。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Birthdays today</source>
        <translation>今日壽星</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birthdays this week</source>
        <translation>本週壽星</translation>
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
        <translation>（不匯入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their id</source>
        <translation>對方系統的編號</translation>
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
        <translation>電話</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allergies</source>
        <translation>過敏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent to contact</source>
        <translation>同意聯絡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personality</source>
        <translation>個性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>來店次數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First visit</source>
        <translation>首次來店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>最近來店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total spend</source>
        <translation>消費總額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt or order id</source>
        <translation>收據或訂單編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date and time</source>
        <translation>日期與時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>時區</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s id</source>
        <translation>顧客編號（對方系統）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer number</source>
        <translation>顧客編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s e-mail</source>
        <translation>顧客電子郵件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s phone</source>
        <translation>顧客電話</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product code (SKU)</source>
        <translation>商品代碼（SKU）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>品項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>數量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>單價</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line total</source>
        <translation>小計</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Import customers or purchases</source>
        <translation>匯入顧客或消費紀錄</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customers</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Purchases</source>
        <translation>消費紀錄</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the file holds</source>
        <translation>檔案內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose file…</source>
        <translation>選擇檔案(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+201"/>
        <source>No file chosen yet.</source>
        <translation>尚未選擇檔案。</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>Rows without a language:</source>
        <translation>未指定語言的列：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Columns of the file</source>
        <translation>檔案的欄</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+181"/>
        <source>First rows of the file</source>
        <translation>檔案的前幾列</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>&amp;Save refused rows…</source>
        <translation>儲存遭拒的列(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;heck</source>
        <translation>檢查(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the whole file and list every problem; nothing is imported.</source>
        <translation>讀取整個檔案並列出所有問題；不會匯入任何資料。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Finish it</source>
        <translation>完成匯入(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge the rest of the checked rows.</source>
        <translation>合併其餘已檢查的列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove it</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the customers it added and put back those it changed.</source>
        <translation>刪除它新增的顧客，並還原它修改過的顧客。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Columns and where they go</source>
        <translation>各欄及其匯入位置</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The shop&apos;s: %1</source>
        <translation>店家語言：%1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The import of %1 was interrupted: %2 of %3 customers added, %4 updated. Finish it, or remove it, before the next import.</source>
        <translation>%1 的匯入已中斷：已新增 %2/%3 位顧客，更新 %4 位。請在下一次匯入前完成或移除它。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove the interrupted import</source>
        <translation>移除中斷的匯入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the customers it added and put back those it changed? Customers staff have recorded something for since stay.</source>
        <translation>刪除它新增的顧客並還原它修改過的顧客嗎？此後員工已為其記錄過內容的顧客會保留。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Finishing the interrupted import…</source>
        <translation>正在完成中斷的匯入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removing the interrupted import…</source>
        <translation>正在移除中斷的匯入…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the file to import</source>
        <translation>選擇要匯入的檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 檔案 (*.csv *.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Problems with the file&apos;s columns</source>
        <translation>檔案的欄有問題</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These columns cannot be imported as they are: choose where each one goes, or “(not imported)”.</source>
        <translation>這些欄無法直接匯入：請為每一欄選擇匯入位置，或選擇「（不匯入）」。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>First rows of the file, as they would be imported</source>
        <translation>檔案的前幾列（匯入後的樣子）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the file to see every problem before importing.</source>
        <translation>匯入前請先檢查檔案，以查看所有問題。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first rows read well. Check the whole file; import it once the interrupted import above is finished or removed.</source>
        <translation>前幾列讀取正常。請檢查整個檔案；待上方中斷的匯入完成或移除後再匯入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first rows read well. Check the whole file, or import it.</source>
        <translation>前幾列讀取正常。請檢查整個檔案，或直接匯入。</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>%1 — %2, %3 format</source>
        <translation>%1 — %2，格式：%3</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cancelling: undoing what was done…</source>
        <translation>正在取消：正在復原已完成的部分…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save the refused rows</source>
        <translation>儲存遭拒的列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Importing… The counter can keep working meanwhile.</source>
        <translation>正在匯入… 櫃檯可以照常作業。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking the whole file…</source>
        <translation>正在檢查整個檔案…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Checking rows</source>
        <translation>檢查資料列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preparing</source>
        <translation>準備中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving</source>
        <translation>儲存中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undoing the cancelled import</source>
        <translation>復原已取消的匯入</translation>
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
        <translation>中斷的匯入已移除：它新增的顧客已刪除，它修改過的顧客已恢復原樣。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Problems with the file</source>
        <translation>檔案有問題</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：未匯入任何資料。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check cancelled. Nothing was imported.</source>
        <translation>已取消檢查。未匯入任何資料。</translation>
    </message>
    <message numerus="yes">
        <location line="-45"/>
        <location line="+46"/>
        <source>%n customer(s) it added stay: staff recorded a purchase, complaint, voucher, letter or consent for them meanwhile.</source>
        <translation>
            <numerusform>匯入所新增的 %n 位顧客將保留：員工在此期間已為他們記錄了購買、客訴、禮券、信件或同意。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refused rows: %1</source>
        <translation>遭拒的列：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused rows: the first %1 of %2</source>
        <translation>遭拒的列：%2 列中的前 %1 列</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First rows, as they were read</source>
        <translation>前幾列（讀取時的原樣）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows: %1 · Would add: %2 · Would update: %3 · Unchanged: %4 · Refused: %5</source>
        <translation>列數：%1 · 將新增：%2 · 將更新：%3 · 未變更：%4 · 遭拒：%5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rows: %1 · Added: %2 · Updated: %3 · Unchanged: %4 · Refused: %5</source>
        <translation>列數：%1 · 已新增：%2 · 已更新：%3 · 未變更：%4 · 遭拒：%5</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n allerg(y/ies) kept as free text: not one of the 14 EU allergens.</source>
        <translation>
            <numerusform>%n 項過敏以自由文字保存：不屬於歐盟 14 種過敏原。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The refused rows are saved: fix them in a spreadsheet and check the file again.</source>
        <translation>遭拒的列已儲存：請用試算表修正後，再檢查一次檔案。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n row(s) refused, so nothing was imported. Fix them in the file (or save them to fix in a spreadsheet) and check again.</source>
        <translation>
            <numerusform>%n 列遭拒，因此未匯入任何資料。請在檔案中修正（或先儲存下來，用試算表修正）後再檢查一次。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The whole file reads well: nothing has been imported yet. Import it when ready.</source>
        <translation>整個檔案讀取正常：目前尚未匯入任何資料。準備好後即可匯入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import finished.</source>
        <translation>匯入完成。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was imported: an earlier import was interrupted. Finish it or remove it first (above).</source>
        <translation>未匯入任何資料：之前的一次匯入已中斷。請先完成或移除它（見上方）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was imported: the file cannot be read as it is (%1).</source>
        <translation>未匯入任何資料：無法直接讀取此檔案（%1）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was imported: %1</source>
        <translation>未匯入任何資料：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file cannot be read: %1</source>
        <translation>無法讀取檔案：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported: something went wrong (%1).</source>
        <translation>未匯入任何資料：發生錯誤（%1）。</translation>
    </message>
</context>
<context>
    <name>ImportRowsModel</name>
    <message>
        <location filename="../../widgets/import_models.py" line="+126"/>
        <source>Line</source>
        <translation>行號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>問題</translation>
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
        <translation>列內容</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <location filename="../../widgets/import_run.py" line="+83"/>
        <source>Importing needs a database file.</source>
        <translation>匯入需要資料庫檔案。</translation>
    </message>
</context>
<context>
    <name>ImportUi</name>
    <message>
        <location filename="../../console/import_ui.py" line="+33"/>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../widgets/labels.py" line="+21"/>
        <source>New</source>
        <translation>新顧客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bronze</source>
        <translation>銅卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silver</source>
        <translation>銀卡</translation>
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
        <translation>活潑型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisive</source>
        <translation>果斷型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steady</source>
        <translation>穩健型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analytical</source>
        <translation>分析型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enjoys a chat: be warm, share what is new, keep it light.</source>
        <translation>喜歡聊天：態度熱情，分享新品，氣氛輕鬆。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Values time: be brief, give the options, let them choose.</source>
        <translation>重視時間：簡明扼要，提供選項，讓顧客自己選。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Likes the familiar: be calm and friendly, no pressure, remember the usual.</source>
        <translation>喜歡熟悉感：冷靜友善，不施壓，記住常點的餐點。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wants facts: give precise details, ingredients and prices; do not rush.</source>
        <translation>重視事實：提供精確細節、成分和價格，不要催促。</translation>
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
        <translation>重新列印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a copy…</source>
        <translation>儲存副本…</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Save a copy of the letter</source>
        <translation>儲存信函副本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot save {path}: {reason}</source>
        <translation>無法儲存 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>LetterListModel</name>
    <message>
        <location line="-128"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaint</source>
        <translation>客訴</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By</source>
        <translation>經辦人</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Apology</source>
        <translation>致歉信</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thank you</source>
        <translation>感謝信</translation>
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
        <translation>無法啟動印表機。請確認印表機已連接後再試一次。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Apology</source>
        <translation>致歉信</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thank you</source>
        <translation>感謝信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loyal customer</source>
        <translation>忠實顧客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compliment</source>
        <translation>稱讚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After a resolved complaint</source>
        <translation>客訴處理完畢後</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>建議</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Complaint or compliment the letter is about</source>
        <translation>信函所涉及的客訴或稱讚</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voucher printed on the letter</source>
        <translation>印在信函上的抵用券</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kind of letter</source>
        <translation>信函類型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the thank-you is for</source>
        <translation>感謝的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the letter</source>
        <translation>信函語言</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter text</source>
        <translation>信函內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The letter&apos;s text; a blank line starts a new paragraph.</source>
        <translation>信函內容；空一行即開始新段落。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reset text</source>
        <translation>還原內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update preview</source>
        <translation>更新預覽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>列印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>另存為 PDF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Letter preview</source>
        <translation>信函預覽</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <translation>相關事項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank-you for</source>
        <translation>感謝事由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher</source>
        <translation>抵用券</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Text (you may edit it)</source>
        <translation>內容（可編輯）</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>The customer (no complaint)</source>
        <translation>顧客（無客訴）</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+67"/>
        <location line="+67"/>
        <source>Discard your changes?</source>
        <translation>要捨棄你的修改嗎？</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Writing about another complaint starts again from the template. Your changes to the text will be lost.</source>
        <translation>改為針對另一件客訴撰寫會從範本重新開始，你對內容的修改將會遺失。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+22"/>
        <source>No voucher</source>
        <translation>無抵用券</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Choose: no voucher or a valid one</source>
        <translation>請選擇：不附抵用券，或選擇有效的抵用券</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Changing the voucher starts again from the template. Your changes to the text will be lost.</source>
        <translation>更換抵用券會從範本重新開始，你對內容的修改將會遺失。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Changing the letter or its language starts again from the template. Your changes to the text will be lost.</source>
        <translation>更換信函或語言會從範本重新開始，你對內容的修改將會遺失。</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Save letter as PDF</source>
        <translation>將信函儲存為 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot save {path}: {reason}</source>
        <translation>無法儲存 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>LettersUi</name>
    <message>
        <location filename="../../console/letters_ui.py" line="+56"/>
        <source>← Back to the profile</source>
        <translation>← 返回顧客資料</translation>
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
        <translation>← 首頁</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Complaint #%1 is saved. Give the customer the apology letter?</source>
        <translation>客訴 #%1 已儲存。要給顧客致歉信嗎？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview apology</source>
        <translation>預覽致歉信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print apology</source>
        <translation>列印致歉信</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Letter for %1…</source>
        <translation>給 %1 的信函…</translation>
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
        <translation>%2 為%1輸入的點單未儲存。要還原嗎？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes to %1 typed at %2 were not saved. Restore them?</source>
        <translation>%2 對%1所做的修改未儲存。要還原嗎？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new customer typed at %2 was not saved. Restore it?</source>
        <translation>%2 輸入的新顧客未儲存。要還原嗎？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A follow-up closing typed at %2 was not saved. Restore it?</source>
        <translation>%2 輸入的結束追蹤未儲存。要還原嗎？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsaved entry</source>
        <translation>未儲存的紀錄</translation>
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
        <translation>首頁</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New customer</source>
        <translation>新增顧客</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <location line="+262"/>
        <source>Nobody signed in</source>
        <translation>無人登入</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signed out: the console was not used for a while. Anything typed is kept for whoever typed it.</source>
        <translation>已登出：櫃檯電腦一段時間未使用。已輸入的內容會為輸入者保留。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed in: {name}</source>
        <translation>已登入：{name}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Purchase recorded: {total}</source>
        <translation>已記錄消費：{total}</translation>
    </message>
</context>
<context>
    <name>NavRail</name>
    <message>
        <location filename="../../widgets/nav_rail.py" line="+162"/>
        <source>Navigation</source>
        <translation>導覽</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../widgets/notice_bar.py" line="+34"/>
        <location line="+1"/>
        <source>Close this message</source>
        <translation>關閉此訊息</translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <location filename="../../console/options.py" line="+36"/>
        <source>Screen language (empty: system)</source>
        <translation>畫面語言（留空：依系統設定）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base font size (points)</source>
        <translation>基本字型大小（點）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait after a keystroke before searching (ms)</source>
        <translation>按鍵後多久開始搜尋（毫秒）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Purchases loaded at a time in the history</source>
        <translation>消費紀錄每次載入的筆數</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days ahead shown in this week&apos;s birthdays</source>
        <translation>本週壽星清單顯示未來幾天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Till name (this machine)</source>
        <translation>收銀台名稱（本機）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database file of this till</source>
        <translation>本收銀台的資料庫檔案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shop of this till</source>
        <translation>此收銀台所屬門市</translation>
    </message>
</context>
<context>
    <name>PersonalDataUi</name>
    <message>
        <location filename="../../console/personal_data_ui.py" line="+40"/>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export data</source>
        <translation>匯出資料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Erase data</source>
        <translation>清除資料</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Review inactive customers</source>
        <translation>檢視不活躍的顧客</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Personal data</source>
        <translation>個人資料</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Export the customer&apos;s data</source>
        <translation>匯出顧客的資料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF and JSON (*.pdf)</source>
        <translation>PDF 和 JSON (*.pdf)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Export not written</source>
        <translation>未寫入匯出檔</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export written</source>
        <translation>已寫入匯出檔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written: {pdf} and {json}.</source>
        <translation>已寫入：{pdf} 和 {json}。</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n customers</source>
        <translation>
            <numerusform>%n 位顧客</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhrasesPanel</name>
    <message>
        <location filename="../../widgets/phrases_panel.py" line="+124"/>
        <source>Language of the phrases</source>
        <translation>用語的語言</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Phrases that help</source>
        <translation>建議用語</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phrases to avoid</source>
        <translation>避免用語</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../widgets/pin_pad.py" line="+54"/>
        <source>PIN</source>
        <translation>PIN 碼</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Delete last digit</source>
        <translation>刪除最後一位數字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete last digit (Backspace)</source>
        <translation>刪除最後一位數字（Backspace）</translation>
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
        <translation>確定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the PIN (Enter)</source>
        <translation>輸入 PIN 碼（Enter）</translation>
    </message>
    <message>
        <location line="+96"/>
        <location line="+60"/>
        <source>A PIN has digits only.</source>
        <translation>PIN 碼只能是數字。</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>A PIN has at most {n} digits.</source>
        <translation>PIN 碼最多 {n} 位數。</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>已輸入 %n 位數</numerusform>
        </translation>
    </message>
    <message>
        <location line="-13"/>
        <source>A PIN has %1 to %2 digits.</source>
        <translation>PIN 碼為 %1 到 %2 位數。</translation>
    </message>
</context>
<context>
    <name>PurchaseEntry</name>
    <message>
        <location filename="../../widgets/purchase_entry.py" line="+334"/>
        <source>Filter the catalogue</source>
        <translation>篩選商品目錄</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+35"/>
        <source>Catalogue</source>
        <translation>商品目錄</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Order lines</source>
        <translation>點單明細</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+1</source>
        <translation>+1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One more of the selected line (+)</source>
        <translation>所選項目加一（+）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>−1</source>
        <translation>−1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One less of the selected line (−)</source>
        <translation>所選項目減一（−）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected line (Delete)</source>
        <translation>移除所選項目（Delete）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Record purchase</source>
        <translation>記錄消費(&amp;R)</translation>
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
        <translation>點單</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Purchase for {name} ({number})</source>
        <translation>{name}（{number}）的消費</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Total: {total}</source>
        <translation>合計：{total}</translation>
    </message>
</context>
<context>
    <name>PurchaseHistoryModel</name>
    <message>
        <location filename="../../widgets/purchase_history_model.py" line="+109"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>品項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt</source>
        <translation>收據</translation>
    </message>
</context>
<context>
    <name>PurchaseLinesModel</name>
    <message>
        <location filename="../../widgets/purchase_entry.py" line="-291"/>
        <source>Item</source>
        <translation>品項</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qty</source>
        <translation>數量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>單價</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line total</source>
        <translation>小計</translation>
    </message>
</context>
<context>
    <name>RecoveryChecklist</name>
    <message>
        <location filename="../../widgets/recovery_checklist.py" line="+29"/>
        <source>Recovery steps</source>
        <translation>補救步驟</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../../widgets/report_panel.py" line="+144"/>
        <source>End-of-day report</source>
        <translation>日結報表</translation>
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
        <translation>上個月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose dates</source>
        <translation>選擇日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report range</source>
        <translation>報表期間</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+24"/>
        <source>To</source>
        <translation>迄</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&amp;Make report</source>
        <translation>產生報表(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存為 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as &amp;CSV…</source>
        <translation>另存為 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Making the report…</source>
        <translation>正在產生報表…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{complaints} complaints, {compliments} compliments, {suggestions} suggestions; {pages} pages.</source>
        <translation>客訴 {complaints} 件、稱讚 {compliments} 件、建議 {suggestions} 件；共 {pages} 頁。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Sent to the printer.</source>
        <translation>已送至印表機。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save report as PDF</source>
        <translation>將報表儲存為 PDF</translation>
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
        <translation>無法儲存 {path}：{reason}</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Saved {path}.</source>
        <translation>已儲存 {path}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save report as CSV</source>
        <translation>將報表儲存為 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved {detail} and {summary}.</source>
        <translation>已儲存 {detail} 和 {summary}。</translation>
    </message>
</context>
<context>
    <name>ReportUi</name>
    <message>
        <location filename="../../console/report_ui.py" line="+30"/>
        <source>Report</source>
        <translation>報表</translation>
    </message>
</context>
<context>
    <name>RetentionModel</name>
    <message>
        <location filename="../../widgets/retention_panel.py" line="+52"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last activity</source>
        <translation>最近活動</translation>
    </message>
</context>
<context>
    <name>RetentionPanel</name>
    <message>
        <location line="+63"/>
        <source>Select all</source>
        <translation>全選</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select none</source>
        <translation>全不選</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erase selected…</source>
        <translation>清除所選…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Customers with no visit, complaint or voucher in {months} months: {count}</source>
        <translation>{months} 個月內沒有來店、客訴或抵用券的顧客：{count}</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../widgets/search_results_model.py" line="+59"/>
        <source>{name}, tier {tier}. Enter opens the profile.</source>
        <translation>{name}，等級 {tier}。按 Enter 開啟顧客資料。</translation>
    </message>
</context>
<context>
    <name>ServerBanner</name>
    <message>
        <location filename="../../widgets/server_banner.py" line="+38"/>
        <source>Database server status</source>
        <translation>資料庫伺服器狀態</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The database server cannot be reached since %1. Retrying; what you type is kept on this till. Save again when this message is gone.</source>
        <translation>自 %1 起無法連線到資料庫伺服器。正在重試；您輸入的內容會保留在此收銀台。此訊息消失後請再儲存一次。</translation>
    </message>
</context>
<context>
    <name>ServiceUi</name>
    <message>
        <location filename="../../console/service_ui.py" line="+96"/>
        <source>New &amp;complaint / compliment</source>
        <translation>新增客訴／稱讚(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Complaint history</source>
        <translation>客訴紀錄</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Complaints, compliments and suggestions</source>
        <translation>客訴、稱讚與建議</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+11"/>
        <source>Promises due and overdue</source>
        <translation>到期與逾期的承諾</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Open follow-ups</source>
        <translation>未結的追蹤</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Redeem a voucher</source>
        <translation>兌換抵用券</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walk-in complaint</source>
        <translation>散客客訴</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redeem voucher</source>
        <translation>兌換抵用券</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-ups</source>
        <translation>追蹤</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Staff</source>
        <translation>員工</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>No promises due. Well done.</source>
        <translation>沒有到期的承諾，做得好！</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n due</source>
        <translation>
            <numerusform>%n 項到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 項逾期</numerusform>
        </translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Saved: %1 #%2</source>
        <translation>已儲存：%1 #%2</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../widgets/settings_panel.py" line="+69"/>
        <source>e.g. fi_FI</source>
        <translation>例如 zh_TW</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Europe/Helsinki</source>
        <translation>例如 Asia/Taipei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 500.00</source>
        <translation>例如 500.00</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Supervisors and managers</source>
        <translation>主管和經理</translation>
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
        <translation>電話</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo file</source>
        <translation>標誌檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>幣別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locale (numbers, money)</source>
        <translation>地區格式（數字、金額）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>時區</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup folder (empty: beside the database)</source>
        <translation>備份資料夾（留空：資料庫所在位置）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second backup folder (USB stick, share)</source>
        <translation>第二備份資料夾（USB 隨身碟、共用資料夾）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review inactive customers after (months)</source>
        <translation>檢視不活躍顧客的期限（月）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page size</source>
        <translation>紙張大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report language</source>
        <translation>報表語言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager limit per complaint</source>
        <translation>經理每件客訴上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong PINs before lock</source>
        <translation>鎖定前允許的 PIN 碼錯誤次數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock for (minutes)</source>
        <translation>鎖定時間（分鐘）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with a PIN</source>
        <translation>以 PIN 碼登入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out when idle for (minutes)</source>
        <translation>閒置多久後登出（分鐘）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong PINs at all tills before the shop locks</source>
        <translation>全店鎖定前所有櫃檯電腦允許的 PIN 碼錯誤次數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortest supervisor PIN (digits)</source>
        <translation>主管 PIN 碼最短位數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortest manager PIN (digits)</source>
        <translation>經理 PIN 碼最短位數</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Save settings</source>
        <translation>儲存設定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo my edits</source>
        <translation>復原我的修改</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shop settings</source>
        <translation>店家設定</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Type a whole number.</source>
        <translation>請輸入整數。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Nothing to save: no setting was changed.</source>
        <translation>沒有需要儲存的內容：未變更任何設定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change %1 settings:</source>
        <translation>變更 %1 項設定：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Manager: enter your PIN to save.</source>
        <translation>經理：請輸入 PIN 碼以儲存。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Settings saved.</source>
        <translation>設定已儲存。</translation>
    </message>
</context>
<context>
    <name>SettingsUi</name>
    <message>
        <location filename="../../console/settings_ui.py" line="+31"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <location filename="../../widgets/sign_in_panel.py" line="+113"/>
        <source>Who is at the counter?</source>
        <translation>誰在櫃檯值班？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose your name (arrow keys and Enter work too).</source>
        <translation>請選擇你的名字（也可以用方向鍵和 Enter）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No staff yet. A manager adds staff; for a demo run `counterpart demo`.</source>
        <translation>尚未有員工。請由經理新增員工；如需示範，請執行 `counterpart demo`。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Staff names</source>
        <translation>員工姓名</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Your PIN</source>
        <translation>你的 PIN 碼</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back to the names</source>
        <translation>返回姓名清單(&amp;B)</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>%1, enter your PIN.</source>
        <translation>%1，請輸入你的 PIN 碼。</translation>
    </message>
</context>
<context>
    <name>StaffAdmin</name>
    <message>
        <location filename="../../widgets/staff_admin_panel.py" line="+55"/>
        <source>Staff</source>
        <translation>員工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>經理</translation>
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
        <translation>新 PIN 碼</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>職位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit per complaint</source>
        <translation>每件客訴上限</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty the fields to add someone new</source>
        <translation>清空欄位以新增人員</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add staff member</source>
        <translation>新增員工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change role or limit</source>
        <translation>修改職位或上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset PIN</source>
        <translation>重設 PIN 碼</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Staff</source>
        <translation>員工</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>Manager: enter your PIN to confirm.</source>
        <translation>經理：請輸入 PIN 碼確認。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose a staff member in the list first.</source>
        <translation>請先在清單中選擇一位員工。</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>A PIN has 4 to 8 digits.</source>
        <translation>PIN 碼為 4 到 8 位數。</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>4 to 12 digits</source>
        <translation>4 到 12 位數</translation>
    </message>
    <message>
        <location line="+150"/>
        <location line="+83"/>
        <source>A name is required.</source>
        <translation>姓名為必填。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>A PIN has %1 to %2 digits.</source>
        <translation>PIN 碼為 %1 到 %2 位數。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add %1 as %2.</source>
        <translation>新增 %1，職位為%2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Change %1 to %2.</source>
        <translation>將 %1 改為%2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deactivate %1. Their PIN stops working.</source>
        <translation>停用 %1，其 PIN 碼將失效。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Set a new PIN for %1.</source>
        <translation>為 %1 設定新的 PIN 碼。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Saved: %1.</source>
        <translation>已儲存：%1。</translation>
    </message>
</context>
<context>
    <name>StaffListModel</name>
    <message>
        <location filename="../../widgets/sign_in_panel.py" line="-155"/>
        <source>Staff</source>
        <translation>員工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>經理</translation>
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
        <translation>職位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>在職</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>settings</source>
        <translation>依設定</translation>
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
        <translation>輸入者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>About</source>
        <translation>相關事項</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last changed</source>
        <translation>最後修改</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Unknown (an older draft)</source>
        <translation>不明（較舊的草稿）</translation>
    </message>
</context>
<context>
    <name>StaleDraftsPanel</name>
    <message>
        <location line="+31"/>
        <source>Unsaved drafts</source>
        <translation>未儲存的草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries typed but never saved, and not taken up again by whoever typed them. Discard those nobody needs.</source>
        <translation>已輸入但從未儲存、輸入者也未再繼續處理的紀錄。請捨棄沒有人需要的草稿。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Discard the selected draft</source>
        <translation>捨棄所選草稿(&amp;D)</translation>
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
        <translation>捨棄草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throw away the unsaved entry %1 typed? It cannot be brought back.</source>
        <translation>要捨棄 %1 輸入但未儲存的紀錄嗎？捨棄後無法復原。</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../widgets/status_line.py" line="+23"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
</context>
<context>
    <name>TillNamePanel</name>
    <message>
        <location filename="../../widgets/till_name_panel.py" line="+25"/>
        <source>Name this till</source>
        <translation>為此收銀台命名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This till</source>
        <translation>本收銀台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every till sharing the shop&apos;s database has its own name. It is recorded on the complaints, purchases, authorisations, letters and vouchers written here, and named when two tills change the same complaint. It belongs to this machine.</source>
        <translation>共用本店資料庫的每個收銀台都有自己的名稱。名稱會記錄在此處建立的客訴、購買、授權、信件與禮券上，並在兩個收銀台修改同一筆客訴時顯示。名稱屬於這台機器。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recorded on what this till writes. It is kept on this machine, apart from the shop settings below, which every till shares.</source>
        <translation>會記錄在此收銀台寫入的資料上。名稱保存在本機，與下方所有收銀台共用的商店設定分開。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. Till 1, Bar, Terrace</source>
        <translation>例如：收銀台 1、吧台、露台</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Till name</source>
        <translation>收銀台名稱</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Continue</source>
        <translation>繼續</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save till name</source>
        <translation>儲存收銀台名稱</translation>
    </message>
</context>
<context>
    <name>TillUi</name>
    <message>
        <location filename="../../console/till_ui.py" line="+115"/>
        <source>This till is now called %1.</source>
        <translation>此收銀台現在名為 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Till: %1</source>
        <translation>收銀台：%1</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <location filename="../../widgets/unsaved_changes.py" line="+83"/>
        <source>Throw away your changes?</source>
        <translation>要捨棄你的修改嗎？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you typed on this screen has not been saved. Throw it away?</source>
        <translation>你在此畫面輸入的內容尚未儲存。要捨棄嗎？</translation>
    </message>
</context>
<context>
    <name>VoucherRedeemPanel</name>
    <message>
        <location filename="../../widgets/voucher_redeem_panel.py" line="+32"/>
        <source>Voucher code, e.g. 7KQ2-M9XD</source>
        <translation>抵用券代碼，例如 7KQ2-M9XD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher code</source>
        <translation>抵用券代碼</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your PIN</source>
        <translation>你的 PIN 碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN of the person taking the voucher</source>
        <translation>收取抵用券人員的 PIN 碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeem</source>
        <translation>兌換</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Type your PIN to take the voucher.</source>
        <translation>請輸入你的 PIN 碼以收取抵用券。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Voucher %1 redeemed: %2 off.</source>
        <translation>抵用券 %1 已兌換：折抵 %2。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../console/app.py" line="+124"/>
        <source>Database problem</source>
        <translation>資料庫問題</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Something went wrong</source>
        <translation>發生錯誤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An unexpected error happened. What was saved is safe.

{error}</source>
        <translation>發生未預期的錯誤。已儲存的資料不受影響。

{error}</translation>
    </message>
</context>
<context>
    <name>run</name>
    <message>
        <location filename="../../console/cmd_run.py" line="+242"/>
        <source>Cannot open the database</source>
        <translation>無法開啟資料庫</translation>
    </message>
</context>
<context>
    <name>server_away</name>
    <message>
        <location filename="../../widgets/server_away.py" line="+31"/>
        <source>Not available while the database server is away.</source>
        <translation>資料庫伺服器無法連線時無法使用。</translation>
    </message>
</context>
<context>
    <name>server_ui</name>
    <message>
        <location filename="../../console/server_ui.py" line="+45"/>
        <source>The database server is back. Anything not saved can be saved now.</source>
        <translation>資料庫伺服器已恢復連線。未儲存的內容現在可以儲存了。</translation>
    </message>
</context>
<context>
    <name>show_error</name>
    <message>
        <location filename="../../widgets/errors.py" line="+39"/>
        <source>Please check the form</source>
        <translation>請檢查表單</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not allowed</source>
        <translation>不允許</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database problem</source>
        <translation>資料庫問題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported</source>
        <translation>沒有匯入任何資料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot do that</source>
        <translation>無法執行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong</source>
        <translation>發生錯誤</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>An unexpected error happened and nothing was saved. Please tell the manager: {error}</source>
        <translation>發生未預期的錯誤，沒有儲存任何資料。請告知經理：{error}</translation>
    </message>
</context>
</TS>
