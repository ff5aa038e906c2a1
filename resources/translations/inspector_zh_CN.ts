<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessSettingsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/access/settings.py" line="18" />
        <source>Password and screen lock</source>
        <translation>密码和自动锁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/settings.py" line="20" />
        <source>The database and photos are encrypted (SQLCipher, AES-256).</source>
        <translation>数据库和照片均已加密（SQLCipher，AES-256）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/settings.py" line="21" />
        <source>This database is not encrypted.</source>
        <translation>此数据库未加密。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/settings.py" line="26" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/settings.py" line="27" />
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/settings.py" line="33" />
        <source>Lock after no use for:</source>
        <translation>无操作自动锁定：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/settings.py" line="35" />
        <source>Change the password (leave empty to keep it):</source>
        <translation>更改密码（不改请留空）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/settings.py" line="36" />
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/settings.py" line="37" />
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/settings.py" line="38" />
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/settings.py" line="65" />
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>AccessStart</name>
    <message>
        <location filename="../../inspector_app/ui/access/start.py" line="63" />
        <source>Set the password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/start.py" line="64" />
        <source>The data could not be encrypted now and was left as it was; it is encrypted at the next start.
%1</source>
        <translation>数据暂时无法加密，已保持原样，下次启动时再加密。
%1</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="55" />
        <source>New database?</source>
        <translation>新建数据库？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="56" />
        <source>There is no database at
%1

Create a new, empty database there? (Choose No if the name or folder is mistyped.)</source>
        <translation>该位置没有数据库：
%1

要在此新建一个空数据库吗？（如文件名或文件夹输错了，请选“否”。）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="114" />
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <location filename="../../inspector_app/ui/autosave.py" line="45" />
        <source>Not saved: %1 Retrying every %2 s; what you typed is kept.</source>
        <translation>未保存：%1 每%2秒自动重试一次，已输入的内容不会丢失。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/autosave.py" line="57" />
        <source>Saved again.</source>
        <translation>已重新保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/autosave.py" line="64" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/autosave.py" line="65" />
        <source>Some answers or notes could not be saved:
%1

Close anyway and lose them?</source>
        <translation>部分检查结果或备注未能保存：
%1

仍要关闭并放弃这些内容吗？</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="29" />
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="64" />
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="78" />
        <source>Back up data</source>
        <translation>备份数据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="35" />
        <source>Folder on a USB stick or another disk</source>
        <translation>U盘或其他磁盘上的文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="36" />
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="41" />
        <source>The backup holds the database and every photo in one verified file. Keep it on another disk than this laptop's.</source>
        <translation>备份把数据库和全部照片保存为一个经过核验的文件。请保存在本机以外的磁盘上（如U盘）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="45" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="57" />
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="64" />
        <source>Choose a folder for the backup first.</source>
        <translation>请先选择备份文件夹。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="72" />
        <source>Backing up and verifying…</source>
        <translation>正在备份并核验…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="79" />
        <source>Backup written and verified:
%1

Eject the USB stick safely before removing it.</source>
        <translation>备份已写入并核验：
%1

拔出U盘前请先“安全弹出”。</translation>
    </message>
</context>
<context>
    <name>BackupStartup</name>
    <message>
        <location filename="../../inspector_app/ui/backup/startup.py" line="35" />
        <source>Records check</source>
        <translation>记录核验</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/startup.py" line="36" />
        <source>The check of the legal records found problems:
%1

Run “inspector verify --full” for the complete list.</source>
        <translation>执法记录核验发现问题：
%1

运行“inspector verify --full”可查看完整清单。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/startup.py" line="40" />
        <source>Backup reminder</source>
        <translation>备份提醒</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/startup.py" line="61" />
        <source>Automatic backup written: %1</source>
        <translation>已自动备份：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/startup.py" line="63" />
        <source>Automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
</context>
<context>
    <name>BundleSetupDialog</name>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="29" />
        <source>Set up from the county's bundle</source>
        <translation>从县级同步包建立</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="30" />
        <source>The county office gives a new laptop two files: the township's sync bundle and the county's key file. Everything the township already has (villages, officers, the enterprise registry, checklists) comes from the bundle.</source>
        <translation>县局会为新笔记本提供两个文件：本乡镇的同步包和县局公钥文件。乡镇已有的全部资料（村（社区）、执法人员、企业名录、检查表）都从同步包导入，无需重新录入。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="41" />
        <source>e.g. A1 — given by the county, unique per laptop</source>
        <translation>如 A1，由县局分配，每台笔记本不同</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="59" />
        <source>County bundle:</source>
        <translation>县级同步包：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="60" />
        <source>County key file:</source>
        <translation>县局公钥文件：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="61" />
        <source>Key fingerprint:</source>
        <translation>公钥指纹：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="62" />
        <source>Compare the fingerprint with the one the county office gave you; go on only if it matches.</source>
        <translation>请与县局提供的指纹逐组核对，完全一致后再继续。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="66" />
        <source>This laptop's device code:</source>
        <translation>本机设备编号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="68" />
        <source>Fingerprint matches — set up</source>
        <translation>指纹一致，开始建立</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="70" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="90" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="97" />
        <source>The county's sync bundle</source>
        <translation>县级同步包</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="98" />
        <source>Sync bundles (%1)</source>
        <translation>同步包 (%1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="103" />
        <source>The county's key file</source>
        <translation>县局公钥文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="104" />
        <source>County key files (*.json *.key *.txt);;All files (*)</source>
        <translation>县局公钥文件 (*.json *.key *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="129" />
        <source>The bundle is signed with this key. Township: %1; authority: %2.</source>
        <translation>同步包已用该公钥核验通过。乡镇：%1；执法机关：%2。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/setup_dialog.py" line="167" />
        <source>Set up from the county's bundle…</source>
        <translation>从县级同步包建立…</translation>
    </message>
</context>
<context>
    <name>BureauOutcomeDialog</name>
    <message>
        <location filename="../../inspector_app/ui/findings/bureau.py" line="37" />
        <source>The bureau's outcome — %1</source>
        <translation>县局处理结果 — %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/bureau.py" line="41" />
        <source>Dealt with by the bureau: the danger is removed (the finding may then be closed)</source>
        <translation>县局已处理完毕，隐患已消除（随后可销号）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/bureau.py" line="44" />
        <source>Returned to the township with a new rectification deadline</source>
        <translation>县局退回本镇继续整改，设定新的整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/bureau.py" line="53" />
        <source>e.g. case filed, fine imposed, danger removed; or why it was returned</source>
        <translation>如：已立案查处，罚款……，隐患已整改消除；或退回的理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/bureau.py" line="57" />
        <source>The bureau's decision or letter number, if any</source>
        <translation>县局决定书或函件文号（如有）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/bureau.py" line="58" />
        <source>Returned: the finding is under rectification again until the new deadline; when that passes it is overdue and may be re-inspected, penalised or referred again.</source>
        <translation>退回的隐患在新的整改期限前重新处于整改中；期限届满仍未整改的即为逾期，可复查、当场处罚或再次移送。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/bureau.py" line="68" />
        <source>&amp;Record the outcome</source>
        <translation>登记处理结果(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/bureau.py" line="69" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/bureau.py" line="75" />
        <source>Recorded on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/bureau.py" line="76" />
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/bureau.py" line="78" />
        <source>New deadline</source>
        <translation>新的整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/bureau.py" line="79" />
        <source>What the bureau did</source>
        <translation>县局处理情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/bureau.py" line="80" />
        <source>Bureau document no.</source>
        <translation>县局文书文号</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../inspector_app/ui/inspection/camera.py" line="33" />
        <source>Camera</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/camera.py" line="45" />
        <source>&amp;Take photo</source>
        <translation>拍照(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/camera.py" line="47" />
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/inspection/camera.py" line="70" />
        <source>%n photo(s) taken</source>
        <translation>
            <numerusform>已拍 %n 张照片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../inspector_app/ui/inspection/checklist_model.py" line="33" />
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/checklist_model.py" line="34" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/checklist_model.py" line="35" />
        <location filename="../../inspector_app/ui/inspection/checklist_model.py" line="171" />
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/checklist_model.py" line="199" />
        <source>Recorded</source>
        <translation>已记录</translation>
    </message>
</context>
<context>
    <name>CloseQuarterDialog</name>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="113" />
        <source>Close %1</source>
        <translation>%1结账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="119" />
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="119" />
        <source>What is missing (Enter or double-click opens it)</source>
        <translation>缺少的内容（回车或双击打开）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="130" />
        <source>Closing freezes the quarter's ledgers as reported: the export of a closed quarter stays the same after later edits. Reopening needs a reason and is logged.</source>
        <translation>结账后本季度台账按上报内容冻结：之后修改记录，已结账季度的导出文件不变。重新打开须填写原因并留痕。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="135" />
        <source>Check &amp;again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="137" />
        <source>&amp;Close the quarter</source>
        <translation>结账(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="140" />
        <source>Close &amp;with the gaps…</source>
        <translation>按现状结账(&amp;W)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="180" />
        <source>%n item(s) missing: </source>
        <translation>
            <numerusform>共%n项需补充：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="183" />
        <source>Nothing is missing: the quarter can be closed.</source>
        <translation>台账完整，可以结账。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="195" />
        <source>Close with the gaps</source>
        <translation>按现状结账</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="196" />
        <source>%n item(s) are still missing. Close %1 as it stands? The gaps are logged with the close.</source>
        <translation>
            <numerusform>仍有%n项未补充。确定按现状结账%1吗？缺项将随结账记录在案。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="75" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="75" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="75" />
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="100" />
        <source>Keep the current version</source>
        <translation>保留当前版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="103" />
        <source>Take the other version</source>
        <translation>采用另一版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="106" />
        <source>Apply the ticked fields</source>
        <translation>按勾选字段处理</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="108" />
        <source>Take the other version's value of the ticked fields, keep the rest</source>
        <translation>勾选的字段采用另一版本的值，其余字段保留当前值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="110" />
        <source>Red: changed on both sides. Yellow: the versions differ.</source>
        <translation>红色：双方都修改了该字段；黄色：两个版本不同。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="179" />
        <source>this laptop (%1)</source>
        <translation>本机（%1）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="181" />
        <source>the county</source>
        <translation>县局</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="182" />
        <source>device %1</source>
        <translation>设备 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="182" />
        <source>another device</source>
        <translation>另一台设备</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="190" />
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="198" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="190" />
        <source>Current version</source>
        <translation>当前版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="190" />
        <source>Other version</source>
        <translation>另一版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="191" />
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="202" />
        <source>Take</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="192" />
        <source>No conflicts: every merge settled itself.</source>
        <translation>没有冲突：所有合并均已自动完成。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="193" />
        <source>Choose a conflict on the left.</source>
        <translation>请在左侧选择一条冲突。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="200" />
        <source>Current version (merged)</source>
        <translation>当前版本（已合并）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="201" />
        <source>Current version — %1</source>
        <translation>当前版本 — %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="202" />
        <source>Other version — %1</source>
        <translation>另一版本 — %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="228" />
        <source>Tick to take the other version's value of this field</source>
        <translation>勾选则该字段采用另一版本的值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="235" />
        <source>%1: %2 and %3 both changed %4. The newer edit was kept; the other is shown on the right. Keep the current version, or take the other one.</source>
        <translation>%1：%2和%3都修改了%4。已保留较新的修改，另一版本显示在右侧。请选择保留当前版本或采用另一版本。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="238" />
        <source>%1: this laptop and another device changed different fields (%4); both changes were kept. Check them, then keep the merged version or take the other one.</source>
        <translation>%1：本机和另一台设备修改了不同的字段（%4），双方的修改均已保留。请核对后选择保留合并后的版本或采用另一版本。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="280" />
        <source>Resolve a conflict</source>
        <translation>处理冲突</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="103" />
        <source>Unexpected error</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="104" />
        <source>The program ran into an error it did not expect. Work saved before is kept; the last action may not have been completed.</source>
        <translation>程序遇到了一个意外错误。之前已保存的内容不受影响，刚才的操作可能没有完成。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/crash.py" line="108" />
        <source>The details were written to %1. Please send this file to whoever maintains the software.</source>
        <translation>详细信息已写入 %1，请把这个文件发给本软件的维护人员。</translation>
    </message>
</context>
<context>
    <name>DateNoteDialog</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/date_note.py" line="21" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../inspector_app/ui/documents/list_model.py" line="77" />
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/list_model.py" line="78" />
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/list_model.py" line="79" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/list_model.py" line="80" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/list_model.py" line="81" />
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/list_model.py" line="82" />
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/list_model.py" line="83" />
        <source>Service</source>
        <translation>送达</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/list_model.py" line="84" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DocumentRegisterWidget</name>
    <message>
        <location filename="../../inspector_app/ui/documents/register.py" line="46" />
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/register.py" line="49" />
        <source>All kinds</source>
        <translation>全部文书种类</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/register.py" line="55" />
        <source>Filter by number, party or officer</source>
        <translation>按文号、当事人或执法人员筛选</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/register.py" line="66" />
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/register.py" line="68" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/register.py" line="70" />
        <source>Record &amp;service…</source>
        <translation>登记送达(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/register.py" line="74" />
        <source>Vo&amp;id…</source>
        <translation>作废(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/register.py" line="77" />
        <source>&amp;Correct…</source>
        <translation>更正(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/register.py" line="80" />
        <source>Issue a new document that corrects the selected one (the old number stays)</source>
        <translation>出具一份新文书更正所选文书（原文号保留）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/register.py" line="82" />
        <source>Print a &amp;day's documents…</source>
        <translation>打印当日文书(&amp;D)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/documents/register.py" line="138" />
        <source>%n number(s)</source>
        <translation>
            <numerusform>%n 个文号</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/documents/register.py" line="139" />
        <source>%n valid</source>
        <translation>
            <numerusform>%n 份有效</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/register.py" line="144" />
        <source>Numbering check: numbers are missing — </source>
        <translation>文号检查：存在缺号 — </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/register.py" line="147" />
        <source>Numbering check: every number of this laptop's series is accounted for.</source>
        <translation>文号检查：本机文号序列完整，无缺号。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/register.py" line="188" />
        <source>No valid documents were issued on %1.</source>
        <translation>%1 没有出具有效文书。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/documents/register.py" line="193" />
        <source>Printing %n document(s)</source>
        <translation>
            <numerusform>正在打印 %n 份文书</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentSettingsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="39" />
        <source>Documents and deadlines</source>
        <translation>文书与期限设置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="43" />
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="48" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="49" />
        <location filename="../../inspector_app/ui/settings_dialog.py" line="50" />
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="51" />
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="65" />
        <source>Officer using this laptop:</source>
        <translation>本机执法人员：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="66" />
        <source>Re-inspection within, after the deadline:</source>
        <translation>整改期满后复查期限：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="67" />
        <source>On-the-spot fine limit, individual:</source>
        <translation>当场处罚限额（个人）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="68" />
        <source>On-the-spot fine limit, organisation:</source>
        <translation>当场处罚限额（单位）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="69" />
        <source>Small firm, up to:</source>
        <translation>小微企业从业人数上限：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="71" />
        <source>Bank for fines:</source>
        <translation>罚款缴纳银行：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="72" />
        <source>Account number:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="73" />
        <source>Authority address:</source>
        <translation>机关地址：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="75" />
        <source>The re-inspection window (commonly 10 days) and the fine limits (Administrative Penalty Law art. 51: 200 yuan for individuals, 3000 yuan for organisations) are not confirmed against the official texts: check them with the county emergency management bureau.</source>
        <translation>复查期限（通常为整改期满后10日内）和当场处罚限额（《行政处罚法》第五十一条：对公民200元以下、对法人或者其他组织3000元以下）尚未与正式文本核对，请向市应急管理局确认。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="93" />
        <source>Every inspection starts with the full checklist; focused can still be chosen.</source>
        <translation>所有企业默认全面检查，仍可改选重点检查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="95" />
        <source>Firms of up to %1 people start with the focused checklist; the full one can still be chosen.</source>
        <translation>从业人数不超过%1人的企业默认重点检查，仍可改选全面检查。</translation>
    </message>
</context>
<context>
    <name>DocumentsUi</name>
    <message>
        <location filename="../../inspector_app/ui/documents/actions.py" line="18" />
        <source>Service rece&amp;ipt…</source>
        <translation>打印送达回执(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/actions.py" line="20" />
        <source>Print the 文书送达回执 of the selected document (blank, or with the service recorded)</source>
        <translation>打印所选文书的文书送达回执（未送达时为空白，已登记送达的按登记内容填写）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/actions.py" line="47" />
        <source>Select a document first.</source>
        <translation>请先选择一份文书。</translation>
    </message>
</context>
<context>
    <name>Enterprise</name>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="38" />
        <source>Name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="39" />
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="40" />
        <source>Registration no. (no credit code)</source>
        <translation>注册号（无信用代码）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="41" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="42" />
        <source>Village / community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="43" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="44" />
        <source>Legal representative phone</source>
        <translation>法定代表人电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="45" />
        <source>Main responsible person</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="46" />
        <source>Main responsible person phone</source>
        <translation>主要负责人电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="47" />
        <source>Safety manager</source>
        <translation>安全管理人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="48" />
        <source>Safety manager type</source>
        <translation>安全管理人员类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="49" />
        <source>Safety manager phone</source>
        <translation>安全管理人员电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="50" />
        <source>Employees</source>
        <translation>从业人数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="51" />
        <source>Annual revenue (10k yuan)</source>
        <translation>年营业收入（万元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="52" />
        <source>GB/T 4754 section</source>
        <translation>GB/T 4754 门类</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="53" />
        <source>GB/T 4754 division</source>
        <translation>GB/T 4754 大类</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="54" />
        <source>Supervision sector</source>
        <translation>监管行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="55" />
        <source>Scale</source>
        <translation>规模</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="56" />
        <source>Risk tags</source>
        <translation>风险标签</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="57" />
        <source>Landlord (rented premises)</source>
        <translation>出租方（厂中厂）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="58" />
        <source>Standardisation grade</source>
        <translation>标准化等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="59" />
        <source>Supervision class</source>
        <translation>监管分级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="60" />
        <source>Grid officer</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="61" />
        <source>Full-time safety managers</source>
        <translation>专职安全管理人员（人）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="62" />
        <source>Part-time safety managers</source>
        <translation>兼职安全管理人员（人）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="63" />
        <source>Registered safety engineers</source>
        <translation>注册安全工程师（人）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="64" />
        <source>Safety director appointed</source>
        <translation>是否任命安全总监</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="65" />
        <source>Safety director</source>
        <translation>安全总监</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="66" />
        <source>Main business revenue (10k yuan)</source>
        <translation>主营业务收入（万元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="67" />
        <source>Standardisation valid until</source>
        <translation>标准化有效期至</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="68" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/enterprise.py" line="69" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="419" />
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="432" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="433" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="434" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="435" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="442" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="444" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="457" />
        <source>New enterprise</source>
        <translation>新增企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="476" />
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="477" />
        <source>This enterprise has unsaved changes. Discard them?</source>
        <translation>该企业有未保存的更改，是否放弃？</translation>
    </message>
</context>
<context>
    <name>EnterpriseDocumentsPage</name>
    <message>
        <location filename="../../inspector_app/ui/documents/enterprise_page.py" line="28" />
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/enterprise_page.py" line="30" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/enterprise_page.py" line="32" />
        <source>Record &amp;service…</source>
        <translation>登记送达(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/enterprise_page.py" line="38" />
        <source>&amp;New document</source>
        <translation>新建文书(&amp;N)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/documents/enterprise_page.py" line="63" />
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 份文书</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnterpriseFindingsPage</name>
    <message>
        <location filename="../../inspector_app/ui/findings/enterprise_page.py" line="28" />
        <source>Not closed</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/enterprise_page.py" line="29" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/enterprise_page.py" line="37" />
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/enterprise_page.py" line="40" />
        <source>&amp;Re-inspect selected…</source>
        <translation>复查所选(&amp;R)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/findings/enterprise_page.py" line="68" />
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 条隐患</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnterpriseForm</name>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="37" />
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="92" />
        <source>18 characters, e.g. 91320281MA1XXXXXXX</source>
        <translation>18 位，例如 91320281MA1XXXXXXX</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="93" />
        <source>Only for individual businesses without a credit code</source>
        <translation>仅限无信用代码的个体工商户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="109" />
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="134" />
        <source>×10k yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="126" />
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="133" />
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="138" />
        <source>Not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="138" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="138" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="162" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="164" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="177" />
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="178" />
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="180" />
        <source>Size and sector</source>
        <translation>规模与行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="182" />
        <source>Risk and supervision</source>
        <translation>风险与监管</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="185" />
        <source>Safety staffing</source>
        <translation>安全管理人员配备</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="316" />
        <source>(not rented premises)</source>
        <translation>（非出租场所）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="334" />
        <source>Tenants on these premises: </source>
        <translation>本场所承租方：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/enterprise_form.py" line="372" />
        <source>Similar names already registered: </source>
        <translation>已登记的相似名称：</translation>
    </message>
</context>
<context>
    <name>EnterpriseInspectionsPage</name>
    <message>
        <location filename="../../inspector_app/ui/inspection/history.py" line="32" />
        <source>No inspections of this enterprise yet.</source>
        <translation>尚无对该企业的检查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/history.py" line="34" />
        <source>&amp;New inspection…</source>
        <translation>新建检查(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/history.py" line="37" />
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/history.py" line="40" />
        <source>Inspection &amp;record (PDF)…</source>
        <translation>现场检查记录（PDF）(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/history.py" line="76" />
        <source>&amp;Resume draft</source>
        <translation>继续草稿(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/history.py" line="77" />
        <source>&amp;Open (read-only)</source>
        <translation>打开（只读）(&amp;O)</translation>
    </message>
</context>
<context>
    <name>EnterprisePickerDialog</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/pickers.py" line="15" />
        <source>Choose an enterprise</source>
        <translation>选择企业</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <location filename="../../inspector_app/ui/findings/events.py" line="14" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/events.py" line="15" />
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/events.py" line="16" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/events.py" line="17" />
        <source>New deadline</source>
        <translation>新期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/events.py" line="18" />
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/events.py" line="19" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../inspector_app/ui/registry/export_dialog.py" line="19" />
        <location filename="../../inspector_app/ui/registry/export_dialog.py" line="41" />
        <location filename="../../inspector_app/ui/registry/export_dialog.py" line="44" />
        <source>Export registry ledger</source>
        <translation>导出企业台账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/export.py" line="60" />
        <source>Export %1</source>
        <translation>导出%1台账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/export.py" line="61" />
        <source>Excel workbook (a summary sheet and one sheet per ledger)</source>
        <translation>Excel工作簿（汇总表及每本台账一张工作表）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/export.py" line="64" />
        <source>PDF of the ledgers (landscape A4, for signing)</source>
        <translation>台账PDF（A4横向，供签字盖章）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/export.py" line="67" />
        <source>One-page PDF of the figures with charts</source>
        <translation>统计图表PDF（一页）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/export.py" line="69" />
        <source>Print ID numbers in full (masked by default, PIPL)</source>
        <translation>完整显示身份证号（默认脱敏，个人信息保护法）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/export.py" line="78" />
        <source>Closed: exported from the snapshot frozen at the close.</source>
        <translation>已结账：按结账时冻结的快照导出。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/export.py" line="79" />
        <source>Not closed: exported from the records as they stand now.</source>
        <translation>未结账：按当前数据导出。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/export.py" line="85" />
        <source>Choose the file and e&amp;xport…</source>
        <translation>选择文件并导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/export.py" line="104" />
        <source>Tick at least one file to export.</source>
        <translation>请至少勾选一种导出文件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/export.py" line="107" />
        <location filename="../../inspector_app/ui/registry/export_dialog.py" line="20" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/export.py" line="107" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/export.py" line="136" />
        <source>Exported to:</source>
        <translation>已导出到：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/export.py" line="142" />
        <source>Exporting %1…</source>
        <translation>正在导出%1台账…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/export_dialog.py" line="42" />
        <source>%1 enterprises exported to
%2</source>
        <translation>已导出 %1 家企业至
%2</translation>
    </message>
</context>
<context>
    <name>FiguresPage</name>
    <message>
        <location filename="../../inspector_app/ui/ledgers/figures.py" line="149" />
        <source>One-page &amp;PDF…</source>
        <translation>统计图表PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/figures.py" line="162" />
        <source>Figures</source>
        <translation>统计指标</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/figures.py" line="163" />
        <source>By village</source>
        <translation>分村（社区）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/figures.py" line="166" />
        <source>Findings by village</source>
        <translation>分村隐患图</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/figures.py" line="187" />
        <source>%1 figures</source>
        <translation>%1安全生产工作统计</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/figures.py" line="188" />
        <source>closed: as reported</source>
        <translation>已结账：按上报数据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/figures.py" line="188" />
        <source>open: counted now</source>
        <translation>未结账：按当前数据统计</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/figures.py" line="189" />
        <source>as of %1</source>
        <translation>统计截至%1</translation>
    </message>
</context>
<context>
    <name>FinaliseDialog</name>
    <message>
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="34" />
        <source>Finalise inspection — %1</source>
        <translation>检查定稿 — %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="41" />
        <source>%n problem(s) found</source>
        <translation>
            <numerusform>发现 %n 处问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="41" />
        <source>%1. </source>
        <translation>%1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="42" />
        <source>, %n of them major hazards</source>
        <translation>
            <numerusform>，其中 %n 处为重大隐患</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="43" />
        <source>No item failed. </source>
        <translation>未发现不符合项。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="44" />
        <source>Check each description, grade and deadline. After finalising, the inspection can no longer be changed and its record is issued.</source>
        <translation>请逐条核对隐患描述、等级和整改期限。定稿后检查不可再修改，并出具现场检查记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="56" />
        <source>Optional: what was inspected and how (printed under 检查情况 on the record)</source>
        <translation>选填：检查了哪些内容、如何检查（打印在记录的“检查情况”栏）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="70" />
        <source>&amp;Add a finding not on the checklist</source>
        <translation>添加检查表以外的隐患(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="78" />
        <source>&amp;Finalise</source>
        <translation>定稿(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="79" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="84" />
        <source>Inspection ended:</source>
        <translation>检查结束时间：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="85" />
        <source>Summary:</source>
        <translation>检查情况：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="140" />
        <source>Some findings are incomplete; see the marked entries.</source>
        <translation>部分隐患信息不完整，请查看标记的条目。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finalise_dialog.py" line="169" />
        <source>Describe what was found on site (the note of the item is empty).</source>
        <translation>请描述现场发现的问题（该检查项的备注为空）。</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="190" />
        <source>整改措施</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="191" />
        <source>责任单位/责任人</source>
        <translation>责任单位/责任人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="192" />
        <source>整改资金（元）</source>
        <translation>整改资金（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="193" />
        <source>完成时限</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="194" />
        <source>应急预案/安全防范措施</source>
        <translation>应急预案/安全防范措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="237" />
        <source>督办单位</source>
        <translation>督办单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="238" />
        <source>督办文号</source>
        <translation>督办文号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="239" />
        <source>挂牌日期</source>
        <translation>挂牌日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="240" />
        <source>督办期限</source>
        <translation>督办期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="241" />
        <source>摘牌日期</source>
        <translation>摘牌日期</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="71" />
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="76" />
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="84" />
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="86" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="88" />
        <source>Record &amp;service…</source>
        <translation>登记送达(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="100" />
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="105" />
        <source>Add rectification photos…</source>
        <translation>添加整改照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="109" />
        <source>Before (found on the inspection)</source>
        <translation>整改前（检查时发现）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="111" />
        <source>After (rectification and re-inspection)</source>
        <translation>整改后（整改及复查）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="117" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="121" />
        <source>Five in place (五到位)</source>
        <translation>五到位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="124" />
        <source>Supervision listing (挂牌督办)</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="126" />
        <source>Order &amp;rectification…</source>
        <translation>责令整改(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="129" />
        <source>On-site &amp;measures…</source>
        <translation>现场处理措施(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="132" />
        <source>Mark recti&amp;fied…</source>
        <translation>登记整改完成(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="135" />
        <source>Re-&amp;inspect…</source>
        <translation>复查(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="138" />
        <source>&amp;Close the finding (销号)…</source>
        <translation>销号(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="142" />
        <source>&amp;Penalty…</source>
        <translation>当场处罚(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="145" />
        <source>Refer to the &amp;bureau…</source>
        <translation>移送县局(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="148" />
        <source>Bureau &amp;outcome…</source>
        <translation>县局处理结果(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="151" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="192" />
        <source>Finding — %1</source>
        <translation>隐患 — %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="196" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="196" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/findings/dossier.py" line="202" />
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="207" />
        <source>Re-inspection due by %1</source>
        <translation>应于 %1 前复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="214" />
        <source>Enterprise under suspension (停产整改) until a resumption review passes</source>
        <translation>企业停产整改中，复产审查合格前不得恢复生产经营</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="233" />
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="234" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="235" />
        <source>Location</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="236" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="236" />
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="238" />
        <source>Major hidden danger criterion</source>
        <translation>重大隐患判定标准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="239" />
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="240" />
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="241" />
        <location filename="../../inspector_app/ui/findings/dossier.py" line="311" />
        <source>Rectified on</source>
        <translation>整改完成日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="242" />
        <location filename="../../inspector_app/ui/findings/dossier.py" line="361" />
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="311" />
        <source>Rectification reported</source>
        <translation>企业报告整改完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="312" />
        <source>How it was rectified</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="333" />
        <source>Refer the case to the bureau (案件移送)</source>
        <translation>移送县局（案件移送）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="333" />
        <source>Referred on</source>
        <translation>移送日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="334" />
        <source>Materials sent</source>
        <translation>移送材料</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="361" />
        <source>Close the finding (销号)</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="374" />
        <source>Rectification photos</source>
        <translation>整改照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="375" />
        <source>Pictures (*.jpg *.jpeg *.png *.heic *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic *.bmp)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/dossier.py" line="389" />
        <source>Select a document first.</source>
        <translation>请先选择一份文书。</translation>
    </message>
</context>
<context>
    <name>FindingEditor</name>
    <message>
        <location filename="../../inspector_app/ui/inspection/finding_editor.py" line="34" />
        <source>A problem not on the checklist</source>
        <translation>检查表以外的问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finding_editor.py" line="44" />
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finding_editor.py" line="45" />
        <source>Legal basis:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finding_editor.py" line="46" />
        <source>Rectification required:</source>
        <translation>整改要求：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finding_editor.py" line="52" />
        <source>Description:</source>
        <translation>隐患描述：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finding_editor.py" line="63" />
        <source>Major hazard criterion: %1</source>
        <translation>重大隐患判定标准：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finding_editor.py" line="66" />
        <source>Grade:</source>
        <translation>等级：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finding_editor.py" line="69" />
        <source>Reason for the grade:</source>
        <translation>定级理由：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finding_editor.py" line="81" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finding_editor.py" line="84" />
        <source>Rectify by:</source>
        <translation>整改期限：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finding_editor.py" line="113" />
        <source>Describe the problem.</source>
        <translation>请描述问题。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/finding_editor.py" line="115" />
        <source>Give the reason for this grade.</source>
        <translation>请填写定级理由。</translation>
    </message>
</context>
<context>
    <name>FindingEvent</name>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="55" />
        <source>登记隐患</source>
        <translation>登记隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="56" />
        <source>责令整改</source>
        <translation>责令整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="57" />
        <source>文书送达</source>
        <translation>文书送达</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="58" />
        <source>企业整改完成</source>
        <translation>企业整改完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="59" />
        <source>复查合格</source>
        <translation>复查合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="60" />
        <source>复查不合格</source>
        <translation>复查不合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="61" />
        <source>销号</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="62" />
        <source>案件移送</source>
        <translation>案件移送</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="63" />
        <source>县局处理完毕</source>
        <translation>县局处理完毕</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="64" />
        <source>县局退回继续整改</source>
        <translation>县局退回继续整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="66" />
        <source>登记五到位</source>
        <translation>登记五到位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="67" />
        <source>挂牌督办</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="68" />
        <source>摘牌</source>
        <translation>摘牌</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="69" />
        <source>删除</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="70" />
        <source>整改文书作废</source>
        <translation>整改文书作废</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="71" />
        <source>整改文书更正</source>
        <translation>整改文书更正</translation>
    </message>
</context>
<context>
    <name>FindingState</name>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="42" />
        <source>已登记</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="43" />
        <source>已责令整改</source>
        <translation>已责令整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="44" />
        <source>整改中</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="45" />
        <source>已整改待复查</source>
        <translation>已整改待复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="46" />
        <source>已移送县局</source>
        <translation>已移送县局</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="47" />
        <source>复查合格</source>
        <translation>复查合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/core/findings.py" line="48" />
        <source>已销号</source>
        <translation>已销号</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../inspector_app/ui/findings/list_model.py" line="93" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_model.py" line="94" />
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_model.py" line="95" />
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_model.py" line="96" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_model.py" line="97" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_model.py" line="98" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_model.py" line="99" />
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_model.py" line="100" />
        <source>Listed (挂牌)</source>
        <translation>挂牌</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_model.py" line="204" />
        <source>re-inspection +%1</source>
        <translation>复查 +%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_model.py" line="205" />
        <source>Re-inspection due by %1</source>
        <translation>应于 %1 前复查</translation>
    </message>
</context>
<context>
    <name>FindingsWidget</name>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="40" />
        <source>Search description, location, enterprise or pinyin initials</source>
        <translation>搜索隐患描述、部位、企业或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="43" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="44" />
        <source>Not closed</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="49" />
        <source>Overdue or not</source>
        <translation>不限逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="49" />
        <source>Overdue (any)</source>
        <translation>逾期（全部）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="50" />
        <source>Rectification overdue</source>
        <translation>整改逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="51" />
        <source>Re-inspection overdue</source>
        <translation>复查逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="55" />
        <source>All grades</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="60" />
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="63" />
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="69" />
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="190" />
        <source>All enterprises</source>
        <translation>全部企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="65" />
        <source>Show the findings of one enterprise</source>
        <translation>仅显示某一企业的隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="84" />
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="87" />
        <source>&amp;Re-inspect selected…</source>
        <translation>复查所选(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="90" />
        <source>&amp;Quarter's listed major hidden dangers…</source>
        <translation>本季度挂牌督办重大隐患(&amp;Q)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="145" />
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 条隐患</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/findings/list_widget.py" line="147" />
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 条逾期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/actions.py" line="50" />
        <source>Select a finding first.</source>
        <translation>请先选择一条隐患。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/actions.py" line="86" />
        <source>&amp;Issue for selected</source>
        <translation>为所选隐患出具文书(&amp;I)</translation>
    </message>
</context>
<context>
    <name>FivePanel</name>
    <message>
        <location filename="../../inspector_app/ui/findings/five_panel.py" line="44" />
        <source>A major hidden danger is closed only when measures, responsibility, funds, deadline and contingency plan are all in place.</source>
        <translation>重大事故隐患须整改措施、责任、资金、时限和预案五到位后方可销号。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/five_panel.py" line="58" />
        <source>yuan, e.g. 12000</source>
        <translation>元，例如 12000</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/five_panel.py" line="67" />
        <source>&amp;Save five in place</source>
        <translation>保存五到位(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/five_panel.py" line="88" />
        <source>Not yet recorded — required before closure</source>
        <translation>尚未登记 — 销号前必须填写</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/five_panel.py" line="117" />
        <source>Please correct the marked fields.</source>
        <translation>请更正标记的字段。</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../../inspector_app/ui/help.py" line="27" />
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/help.py" line="36" />
        <source>The user guide is missing from this installation: %1</source>
        <translation>本机安装的程序缺少使用说明文件：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/help.py" line="39" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HazardNoticeEditor</name>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/hazard_notice.py" line="19" />
        <source>Whom the unit reports to (default: the township)</source>
        <translation>单位向谁报告整改情况（默认：本镇（街道））</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/hazard_notice.py" line="20" />
        <source>Report rectification to</source>
        <translation>整改情况报告至</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="74" />
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="130" />
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="133" />
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="212" />
        <source>Import enterprises</source>
        <translation>导入企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="75" />
        <source>Reading the workbook…</source>
        <translation>正在读取工作簿…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="87" />
        <source>Select a row to see its reasons and changes in full.</source>
        <translation>选中一行，可在此查看完整的原因和变更内容。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="93" />
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="96" />
        <source>Save rejected rows…</source>
        <translation>保存未通过的行…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="99" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="132" />
        <source>Reading and checking the workbook…</source>
        <translation>正在读取并校验工作簿…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="144" />
        <source>%1 rows read: %2 new, %3 to update, %4 unchanged, %5 with errors (listed first, not imported).</source>
        <translation>共读取 %1 行：新增 %2，更新 %3，未变 %4，有错误 %5（排在最前，不导入）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="148" />
        <source>Columns recognised: </source>
        <translation>已识别的列：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="150" />
        <source>Columns not imported: </source>
        <translation>未导入的列：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="153" />
        <source>&amp;Import %1 good rows</source>
        <translation>导入 %1 条有效行(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="162" />
        <source>Row %1: %2</source>
        <translation>第%1行：%2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="164" />
        <source>Not imported, because:</source>
        <translation>未导入，原因：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="167" />
        <source>Please check:</source>
        <translation>请核对：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="170" />
        <source>Will change in the registry:</source>
        <translation>将更新登记库中的以下内容：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="173" />
        <source>Already in the registry with the same details; nothing changes.</source>
        <translation>登记库中已有该企业且信息相同，不作变更。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="175" />
        <source>Will be added to the registry as a new enterprise.</source>
        <translation>将作为新企业添加到登记库。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="204" />
        <source>Imported: %1 new, %2 updated, %3 unchanged. %4 rows rejected — save them, correct and import again.</source>
        <translation>已导入：新增 %1，更新 %2，未变 %3。%4 行未通过 — 请保存、更正后重新导入。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="211" />
        <source>Writing enterprises…</source>
        <translation>正在写入企业…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="216" />
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="227" />
        <source>Save rejected rows</source>
        <translation>保存未通过的行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="217" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>Inspection</name>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="18" />
        <source>Compliant</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="19" />
        <source>Not compliant</source>
        <translation>不符合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="20" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="23" />
        <source>Routine</source>
        <translation>日常检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="24" />
        <source>Special campaign</source>
        <translation>专项检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="25" />
        <source>Random selection (双随机)</source>
        <translation>双随机</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="26" />
        <source>Unannounced (四不两直)</source>
        <translation>四不两直</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="27" />
        <source>Complaint check</source>
        <translation>举报核查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="28" />
        <location filename="../../inspector_app/ui/inspection/labels.py" line="34" />
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="31" />
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="32" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="33" />
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="37" />
        <source>General hazard</source>
        <translation>一般隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="38" />
        <source>Major hazard</source>
        <translation>重大隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="41" />
        <source>People</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="42" />
        <source>Equipment and materials</source>
        <translation>物</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="43" />
        <source>Management</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="44" />
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="47" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/labels.py" line="48" />
        <source>Final</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/record.py" line="24" />
        <source>Inspection record</source>
        <translation>现场检查记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/inspection/officers.py" line="25" />
        <source>Only %n active officer(s) registered. An inspection needs at least two officers: add officers under Settings → Township, authority and officers.</source>
        <translation>
            <numerusform>仅登记了 %n 名在岗执法人员。检查至少需要两名执法人员：请在“设置 → 镇（街道）、执法机构和执法人员”中添加。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/officers.py" line="29" />
        <source>Check at least two officers: an inspection is carried out by two or more officers.</source>
        <translation>请至少勾选两名执法人员：检查须由两名以上执法人员实施。</translation>
    </message>
</context>
<context>
    <name>InspectionHistory</name>
    <message>
        <location filename="../../inspector_app/ui/inspection/rows.py" line="70" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/rows.py" line="71" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/rows.py" line="72" />
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/rows.py" line="73" />
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/rows.py" line="74" />
        <source>Failed items</source>
        <translation>不符合项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/rows.py" line="75" />
        <source>Findings</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/rows.py" line="76" />
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/rows.py" line="77" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="132" />
        <source>Inspection — %1</source>
        <translation>检查 — %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="142" />
        <source>Answered %v / %m</source>
        <translation>已作答 %v / %m</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="146" />
        <location filename="../../inspector_app/ui/inspection/window.py" line="613" />
        <source>Inspection details</source>
        <translation>检查信息</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="153" />
        <source>&amp;Finalise…</source>
        <translation>定稿(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="157" />
        <source>Inspection &amp;record (PDF)…</source>
        <translation>现场检查记录（PDF）(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="249" />
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="264" />
        <source>Refused to sign</source>
        <translation>拒绝签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="268" />
        <source>Record how the refusal happened (required when refused)</source>
        <translation>记录拒签经过（拒绝签字时必填）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="279" />
        <source>Kind:</source>
        <translation>检查类型：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="281" />
        <source>Start:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="283" />
        <source>Officers:</source>
        <translation>执法人员：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="285" />
        <source>Place:</source>
        <translation>检查场所：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="287" />
        <source>On-site person:</source>
        <translation>现场负责人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="289" />
        <source>Title:</source>
        <translation>职务：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="291" />
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="293" />
        <source>Witness:</source>
        <translation>见证人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="295" />
        <source>Witness ID no.:</source>
        <translation>见证人身份证号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="302" />
        <source>Photos of the whole inspection:</source>
        <translation>检查整体照片：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="353" />
        <source>started %1</source>
        <translation>开始于 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="355" />
        <source>finalised %1</source>
        <translation>定稿于 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="357" />
        <source>draft — every change is saved at once</source>
        <translation>草稿 — 所有更改即时保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="373" />
        <source>Finalised on %1. This record is read-only: it shows the checklist exactly as it was used.</source>
        <translation>已于 %1 定稿。本记录为只读，显示的是当时所用的检查表原貌。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="379" />
        <source>J/K or ↓/↑ next/previous item</source>
        <translation>J/K 或 ↓/↑ 下一项/上一项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="380" />
        <source>1/Y compliant · 2/N not compliant · 3/X not applicable · J/K or ↓/↑ next/previous · Delete clears · Enter edits · Esc back</source>
        <translation>1/Y 符合 · 2/N 不符合 · 3/X 不适用 · J/K 或 ↓/↑ 下一项/上一项 · Delete 清除 · Enter 编辑 · Esc 返回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="390" />
        <source>All items answered. Fill in the details above, then Finalise…</source>
        <translation>所有检查项均已作答。请填写上方检查信息，然后点击“定稿…”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="445" />
        <source>%1 of %2 items answered. Press J or ↓ for the first item.</source>
        <translation>已作答 %1 / %2 项。按 J 或 ↓ 转到第一项。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="478" />
        <source>Type the measured value and press Enter (3 or X: not applicable).</source>
        <translation>输入实测值后按 Enter（3 或 X：不适用）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="480" />
        <source>Write what you found (3 or X: not applicable).</source>
        <translation>填写发现的情况（3 或 X：不适用）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="645" />
        <location filename="../../inspector_app/ui/inspection/window.py" line="665" />
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/inspection/window.py" line="646" />
        <source>%n item(s) not answered yet. Answer every item (3 or X when it does not apply) before finalising; the first one is selected.</source>
        <translation>
            <numerusform>还有 %n 项未作答。定稿前请逐项作答（不适用的按 3 或 X），已选中第一项未答项。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/window.py" line="675" />
        <source>Finalised: this inspection is final and can no longer be changed; its record is issued.</source>
        <translation>已定稿：本次检查已成为定稿，不能再修改；现场检查记录已出具。</translation>
    </message>
</context>
<context>
    <name>InspectionsWidget</name>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="27" />
        <source>&amp;New inspection…</source>
        <translation>新建检查(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="30" />
        <source>Inspections</source>
        <translation>现场检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="40" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="41" />
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="42" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="43" />
        <source>Answered</source>
        <translation>已检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="44" />
        <source>Last saved</source>
        <translation>最后保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="50" />
        <source>&amp;Resume</source>
        <translation>继续检查(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="53" />
        <source>&amp;Discard draft…</source>
        <translation>放弃草稿(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="66" />
        <source>Recent inspections</source>
        <translation>最近的检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="72" />
        <source>&amp;Open (read-only)</source>
        <translation>打开（只读）(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="75" />
        <source>Inspection &amp;record (PDF)…</source>
        <translation>现场检查记录（PDF）(&amp;R)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="100" />
        <source>Unfinished inspections (%n) — resume here</source>
        <translation>
            <numerusform>未完成的检查（%n）— 可在此继续</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="119" />
        <source>New inspection: choose the enterprise</source>
        <translation>新建检查：选择企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="135" />
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="147" />
        <source>Discard draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/inspections_list.py" line="136" />
        <source>Discard the unfinished inspection of %1 started %2, with its answers and photos? This cannot be undone.</source>
        <translation>确定放弃对%1于%2开始的未完成检查及其检查结果和照片吗？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>IssueDocumentDialog</name>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="19" />
        <source>Remove the hidden danger immediately</source>
        <translation>责令立即排除事故隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="20" />
        <source>Withdraw the workers from the danger area</source>
        <translation>责令从危险区域内撤出作业人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="22" />
        <source>Suspend production and business temporarily</source>
        <translation>责令暂时停产停业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="23" />
        <source>Stop using the related facilities and equipment</source>
        <translation>责令暂时停止使用相关设施、设备</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="27" />
        <source>Seal up or seize the non-compliant equipment</source>
        <translation>查封、扣押不符合标准的设施、设备、器材</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="63" />
        <source>Correct %1</source>
        <translation>更正%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="63" />
        <source>Issue %1</source>
        <translation>出具%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="99" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="106" />
        <source>Number on issue</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="107" />
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="108" />
        <source>Date of issue</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="111" />
        <source>Corrects</source>
        <translation>更正的文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="123" />
        <source>Officers (at least two with certificates)</source>
        <translation>执法人员（至少两名持证人员）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="124" />
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="137" />
        <source>Issue correction</source>
        <translation>出具更正文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="137" />
        <source>Issue</source>
        <translation>出具</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="160" />
        <source>Start the rectification period of the %n finding(s) named here</source>
        <translation>
            <numerusform>开始计算本文书所列 %n 项隐患的整改期限</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="164" />
        <source>The findings are already ordered; this document does not change their state</source>
        <translation>这些隐患已下达整改指令，本文书不改变其状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/issue_dialog.py" line="253" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="38" />
        <source>[K] This clause was written from memory and has not been checked against the official text yet; verify it before citing it in a document.</source>
        <translation>[K] 本条款系凭记忆录入，尚未与官方文本核对；在文书中引用前请先核实。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="61" />
        <source>Measured value:</source>
        <translation>实测值：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="73" />
        <source>Record:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="82" />
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="161" />
        <source>Note (what you saw; saved as you type):</source>
        <translation>备注（现场所见；输入时自动保存）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="86" />
        <source>e.g. where exactly, what is missing, who was told</source>
        <translation>例如：具体位置、缺少什么、已告知何人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="91" />
        <source>Photos of this item</source>
        <translation>本项照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="92" />
        <source>◀ Previous (K)</source>
        <translation>◀ 上一项（K）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="93" />
        <source>Next (J) ▶</source>
        <translation>下一项（J）▶</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="139" />
        <source>Major hazard item (重大事故隐患): %1</source>
        <translation>重大事故隐患判定项：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="140" />
        <source>Legal basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="142" />
        <source>Acceptable: %1</source>
        <translation>合格范围：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="144" />
        <source>If not compliant: %1</source>
        <translation>不符合时：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="160" />
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="174" />
        <source>Not answered</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="175" />
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="184" />
        <source>describe the problem in the note</source>
        <translation>在备注中描述问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="186" />
        <source>take at least one photo</source>
        <translation>至少拍摄一张照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="190" />
        <source>Not compliant: %1.</source>
        <translation>不符合，需%1。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/item_panel.py" line="190" />
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ItemsEditor</name>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/items.py" line="34" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/items.py" line="34" />
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/items.py" line="34" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/items.py" line="47" />
        <source>Add item</source>
        <translation>添加条目</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/items.py" line="50" />
        <source>Remove item</source>
        <translation>删除条目</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/items.py" line="59" />
        <source>Inspected on</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/items.py" line="63" />
        <source>Problems to rectify, each with its own deadline:</source>
        <translation>需整改的问题（每项单独设定整改期限）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/items.py" line="66" />
        <source>Problems</source>
        <translation>存在的问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/items.py" line="77" />
        <source>From the registered finding</source>
        <translation>来自已登记的隐患</translation>
    </message>
</context>
<context>
    <name>LedgerForm</name>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="17" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="103" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="128" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="18" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="102" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="19" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="104" />
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="20" />
        <source>Audience</source>
        <translation>参加对象</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="21" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="108" />
        <source>Participants</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="22" />
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="23" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="83" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="105" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="24" />
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="25" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="116" />
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="26" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="31" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="49" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="69" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="84" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="129" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="136" />
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="27" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="112" />
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="28" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="46" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="66" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="79" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="99" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="113" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="125" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="133" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="145" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="32" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="33" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="70" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="34" />
        <source>Model</source>
        <translation>型号规格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="35" />
        <source>Registration certificate no.</source>
        <translation>使用登记证编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="36" />
        <source>Device code</source>
        <translation>设备代码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="37" />
        <source>Factory no.</source>
        <translation>出厂编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="38" />
        <source>Location</source>
        <translation>使用地点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="39" />
        <source>In use since</source>
        <translation>投用日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="40" />
        <source>Last inspected on</source>
        <translation>上次检验日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="41" />
        <source>Inspection result</source>
        <translation>检验结论</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="42" />
        <source>Inspection body</source>
        <translation>检验机构</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="43" />
        <source>Report no.</source>
        <translation>检验报告编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="44" />
        <source>Interval (months, 0 = the category's)</source>
        <translation>检验周期（月，0为按类别）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="45" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="77" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="50" />
        <source>Role</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="51" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="117" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="52" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="118" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="53" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="119" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="54" />
        <source>Operation category / item code</source>
        <translation>作业类别/项目代号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="55" />
        <source>Permitted item</source>
        <translation>准操项目</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="56" />
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="121" />
        <source>Certificate no.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="57" />
        <source>Issued by</source>
        <translation>发证机关</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="58" />
        <source>First issued on</source>
        <translation>初领日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="59" />
        <source>Current certificate issued on</source>
        <translation>本证发证日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="60" />
        <source>Valid until (blank: computed)</source>
        <translation>有效期至（空白则自动计算）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="61" />
        <source>Last review on</source>
        <translation>上次复审日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="62" />
        <source>Review period extended</source>
        <translation>复审期限已延长</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="63" />
        <source>Last training on</source>
        <translation>最近培训日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="64" />
        <source>Training hours</source>
        <translation>培训学时</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="65" />
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="71" />
        <source>Substance</source>
        <translation>危险物质</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="72" />
        <source>Quantity (t)</source>
        <translation>数量（吨）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="73" />
        <source>Grade</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="74" />
        <source>Filing no.</source>
        <translation>备案编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="75" />
        <source>Filed on</source>
        <translation>备案日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="76" />
        <source>Last assessed on</source>
        <translation>最近评估日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="82" />
        <source>Occurred at</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="85" />
        <source>Type (GB 6441)</source>
        <translation>事故类别（GB 6441）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="86" />
        <source>Deaths</source>
        <translation>死亡人数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="87" />
        <source>Serious injuries</source>
        <translation>重伤人数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="88" />
        <source>Minor injuries</source>
        <translation>轻伤人数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="89" />
        <source>Missing</source>
        <translation>下落不明人数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="90" />
        <source>Direct loss (10,000 yuan)</source>
        <translation>直接经济损失（万元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="91" />
        <source>Reported at</source>
        <translation>报告时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="92" />
        <source>Reported to</source>
        <translation>报告对象</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="93" />
        <source>Case closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="94" />
        <source>What happened</source>
        <translation>简要经过</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="95" />
        <source>Cause</source>
        <translation>事故原因</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="96" />
        <source>Investigation</source>
        <translation>调查情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="97" />
        <source>Responsibility</source>
        <translation>责任处理</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="98" />
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="106" />
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="107" />
        <source>Departments taking part</source>
        <translation>参加部门</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="109" />
        <source>Enterprises checked</source>
        <translation>检查单位数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="110" />
        <source>Problems found</source>
        <translation>发现问题数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="111" />
        <source>Cases referred</source>
        <translation>移送案件数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="120" />
        <source>Full-time</source>
        <translation>专职</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="122" />
        <source>Last training and exam on</source>
        <translation>最近培训考试日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="123" />
        <source>Exam passed</source>
        <translation>考试合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="124" />
        <source>Serving</source>
        <translation>在任</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="130" />
        <source>Referred to</source>
        <translation>移送机关</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="131" />
        <source>Document no.</source>
        <translation>移送文号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="132" />
        <source>Reason</source>
        <translation>移送事由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="137" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="138" />
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="139" />
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="140" />
        <source>General hazards found</source>
        <translation>一般隐患数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="141" />
        <source>General hazards rectified</source>
        <translation>一般隐患已整改数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="142" />
        <source>Major hazards found</source>
        <translation>重大隐患数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="143" />
        <source>Major hazards rectified</source>
        <translation>重大隐患已整改数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/fields.py" line="144" />
        <source>Reported by</source>
        <translation>填报人</translation>
    </message>
</context>
<context>
    <name>LedgersWidget</name>
    <message>
        <location filename="../../inspector_app/ui/ledgers/opener.py" line="108" />
        <source>This record cannot be opened here.</source>
        <translation>这条记录无法在此打开。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="11" />
        <source>Not closed loop</source>
        <translation>未闭环</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="12" />
        <source>Without record number</source>
        <translation>无检查记录文号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="15" />
        <source>Due or overdue</source>
        <translation>即将到期或逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="16" />
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="27" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="19" />
        <source>Expiring or review due</source>
        <translation>即将到期或待复审</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="21" />
        <source>Expired or review overdue</source>
        <translation>已过期或复审逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="23" />
        <source>No certificate recorded</source>
        <translation>未登记证书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="28" />
        <source>Major</source>
        <translation>重大隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="29" />
        <source>Not closed</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="32" />
        <source>Not filed</source>
        <translation>未备案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="35" />
        <source>Training due or overdue</source>
        <translation>培训到期或逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="39" />
        <source>Not received</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="40" />
        <source>Received late</source>
        <translation>逾期报送</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="43" />
        <source>Drills</source>
        <translation>应急演练</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quick.py" line="44" />
        <source>Joint actions</source>
        <translation>联合执法</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="71" />
        <source>Figures and charts</source>
        <translation>统计图表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="85" />
        <source>All enterprises</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="88" />
        <source>Show ID numbers</source>
        <translation>显示身份证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="90" />
        <source>Personal ID numbers are masked unless you need them (PIPL)</source>
        <translation>身份证号默认脱敏显示，确有需要时再显示（个人信息保护法）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="98" />
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="116" />
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="118" />
        <source>Ins or Ctrl+N</source>
        <translation>Ins 或 Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="120" />
        <source>&amp;Open / edit</source>
        <translation>打开/编辑(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="122" />
        <source>Enter, F2 or a double-click</source>
        <translation>回车、F2 或双击</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="124" />
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="126" />
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="128" />
        <source>Enterprise d&amp;ossier</source>
        <translation>单位档案(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="131" />
        <source>Doc&amp;uments</source>
        <translation>文书(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="134" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="136" />
        <source>Ctrl+C: the selection as tab-separated text, for Excel or WPS</source>
        <translation>Ctrl+C：复制所选内容（制表符分隔，可粘贴到Excel或WPS）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="144" />
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="144" />
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="145" />
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="146" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="191" />
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="256" />
        <source>All rows</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="273" />
        <source>Recorded here: Ins adds, Enter edits, Del deletes.</source>
        <translation>在此登记：Ins 新增，回车编辑，Del 删除。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="274" />
        <source>Built from the inspections, findings and registry: Enter opens the record.</source>
        <translation>由检查、隐患和企业台账生成：回车打开对应记录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="343" />
        <source>Only the %n record(s) of the reminder</source>
        <translation>
            <numerusform>仅显示提醒中的%n条记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="345" />
        <source>%1 of %2 rows</source>
        <translation>%1/%2条</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="346" />
        <source>%n row(s)</source>
        <translation>
            <numerusform>共%n条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="377" />
        <source>This ledger is built from the records; it has nothing to add here.</source>
        <translation>本台账由已有记录生成，无需在此新增。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="416" />
        <source>Delete record</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="417" />
        <source>Delete this record from the ledger? %1</source>
        <translation>确定从台账中删除这条记录吗？%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="435" />
        <source>This row names no enterprise.</source>
        <translation>这一行没有对应的单位。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/screen.py" line="444" />
        <source>No document was issued for this row.</source>
        <translation>这一行没有出具文书。</translation>
    </message>
</context>
<context>
    <name>ListingPanel</name>
    <message>
        <location filename="../../inspector_app/ui/findings/listing_panel.py" line="35" />
        <source>List for supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/listing_panel.py" line="50" />
        <source>optional, e.g. 澄安委办〔2026〕3号</source>
        <translation>选填，例如 澄安委办〔2026〕3号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/listing_panel.py" line="51" />
        <source>&amp;List for supervision</source>
        <translation>挂牌督办(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/listing_panel.py" line="55" />
        <source>De-list (摘牌)</source>
        <translation>摘牌</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/listing_panel.py" line="60" />
        <source>&amp;De-list</source>
        <translation>摘牌(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/listing_panel.py" line="64" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/listing_panel.py" line="76" />
        <source>Listed for supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/listing_panel.py" line="80" />
        <source>De-listed on %1</source>
        <translation>已于 %1 摘牌</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/listing_panel.py" line="83" />
        <source>Not listed for supervision.</source>
        <translation>未挂牌督办。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/listing_panel.py" line="88" />
        <source>A listing is removed after a passed re-inspection</source>
        <translation>复查合格后方可摘牌</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/listing_panel.py" line="100" />
        <source>Please correct the marked fields.</source>
        <translation>请更正标记的字段。</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location filename="../../inspector_app/ui/access/idle_lock.py" line="33" />
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/idle_lock.py" line="37" />
        <source>The program locked itself after a time without use. Type the password to go on.</source>
        <translation>程序在一段时间无操作后已自动锁定，请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/idle_lock.py" line="50" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/idle_lock.py" line="68" />
        <source>Wrong password.</source>
        <translation>密码不正确。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="47" />
        <source>Enterprise registry</source>
        <translation>企业台账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="61" />
        <source>Work-safety inspector</source>
        <translation>安全生产检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="112" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="113" />
        <source>&amp;Import enterprises from Excel…</source>
        <translation>从 Excel 导入企业(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="116" />
        <source>&amp;Export registry ledger to Excel…</source>
        <translation>导出企业台账到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="119" />
        <source>&amp;New enterprise</source>
        <translation>新增企业(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="122" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="128" />
        <source>&amp;Back up data…</source>
        <translation>备份数据(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="130" />
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="132" />
        <source>Confirm document &amp;numbers…</source>
        <translation>确认文书编号(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="138" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="139" />
        <source>&amp;Township, authority and officers…</source>
        <translation>镇（街道）、执法机关和执法人员(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="142" />
        <source>&amp;Documents and deadlines…</source>
        <translation>文书与期限设置(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="145" />
        <source>&amp;Password and screen lock…</source>
        <translation>密码和自动锁定(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="148" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="149" />
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="153" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="175" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="183" />
        <source>Import enterprises</source>
        <translation>导入企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="184" />
        <source>Spreadsheets (%1)</source>
        <translation>电子表格 (%1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="228" />
        <location filename="../../inspector_app/ui/main_window.py" line="234" />
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="242" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="243" />
        <source>Work-safety inspector %1
Offline tool for township work-safety officers.</source>
        <translation>安全生产检查 %1
供镇（街道）安监员使用的离线工具。</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <location filename="../../inspector_app/ui/modules.py" line="15" />
        <source>Today</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/modules.py" line="16" />
        <location filename="../../inspector_app/ui/modules.py" line="27" />
        <source>Inspections</source>
        <translation>现场检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/modules.py" line="17" />
        <location filename="../../inspector_app/ui/modules.py" line="28" />
        <source>Findings</source>
        <translation>隐患治理</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/modules.py" line="18" />
        <source>Document register</source>
        <translation>文书登记簿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/modules.py" line="19" />
        <source>Ledgers</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/modules.py" line="20" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/modules.py" line="26" />
        <source>Obligations</source>
        <translation>法定义务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/modules.py" line="29" />
        <source>Documents</source>
        <translation>执法文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/modules.py" line="30" />
        <source>Suspension (停产整改)</source>
        <translation>停产整改</translation>
    </message>
</context>
<context>
    <name>Obligations</name>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="23" />
        <source>Satisfied</source>
        <translation>已满足</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="24" />
        <source>Not satisfied</source>
        <translation>未满足</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="25" />
        <source>Unknown: registry field empty</source>
        <translation>未知：档案未登记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="26" />
        <source>Historical target</source>
        <translation>历史目标</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="29" />
        <source>[K] The wording of this clause was written from memory and has not yet been checked against the official text. Verify it before citing it in a document.</source>
        <translation>[K] 本条款文字系凭记忆录入，尚未与官方文本核对。在文书中引用前请先核实。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="74" />
        <source>Applies</source>
        <translation>适用</translation>
    </message>
</context>
<context>
    <name>ObligationsModel</name>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="45" />
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="51" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="46" />
        <source>Obligation</source>
        <translation>义务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="47" />
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="48" />
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="54" />
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="52" />
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="53" />
        <source>Why it applies</source>
        <translation>适用理由</translation>
    </message>
</context>
<context>
    <name>ObligationsPage</name>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="150" />
        <source>[K] = clause written from memory, not yet checked against the official text; verify before citing it.</source>
        <translation>[K] = 条款系凭记忆录入，尚未与官方文本核对；引用前请先核实。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="154" />
        <source>&amp;Start inspection</source>
        <translation>开始检查(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="201" />
        <source>Obligations of %1</source>
        <translation>%1的法定义务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="204" />
        <source>%1 satisfied, %2 not satisfied, %3 unknown (fill in the registry), %4 historical targets. Every current obligation is also an item of the inspection checklist.</source>
        <translation>符合%1项，不符合%2项，未知%3项（请补登企业档案），历史目标%4项。现行义务均已列入现场检查表。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/registry/obligations_panel.py" line="208" />
        <source>Checklists that apply (%n)</source>
        <translation>
            <numerusform>适用的检查表（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfficerPicker</name>
    <message>
        <location filename="../../inspector_app/ui/widgets/officers.py" line="46" />
        <source>no certificate</source>
        <translation>无执法证</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets/officers.py" line="53" />
        <source>No certificate number recorded: add it under Settings before this officer signs a document.</source>
        <translation>未登记执法证号：该执法人员签署文书前，请先在“设置”中补充。</translation>
    </message>
</context>
<context>
    <name>OfficersDialog</name>
    <message>
        <location filename="../../inspector_app/ui/inspection/officers.py" line="39" />
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
</context>
<context>
    <name>OnsiteMeasuresEditor</name>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="41" />
        <source>One violation or hidden danger per line</source>
        <translation>每行填写一项违法行为或事故隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="55" />
        <source>Other:</source>
        <translation>其他：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="68" />
        <source>Sealing up or seizing equipment is an administrative compulsory measure that cannot be entrusted: refer it to the bureau.</source>
        <translation>查封、扣押是行政强制措施，不得委托实施：需要查封、扣押的，请报请县局依法实施。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="75" />
        <source>What is suspended: the whole site, a workshop, a line, equipment</source>
        <translation>停产停业或停止使用的范围：全厂、车间、生产线或设备</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="83" />
        <source>Inspected on</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="84" />
        <source>Violations and hidden dangers</source>
        <translation>违法行为和事故隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="85" />
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="86" />
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="87" />
        <source>Scope of the suspension</source>
        <translation>停产停业（停止使用）范围</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/on_site_measure.py" line="91" />
        <source>On-site measures</source>
        <translation>现场处理措施</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../inspector_app/ui/operations.py" line="80" />
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/operations.py" line="83" />
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/operations.py" line="84" />
        <source>The action failed and nothing was changed by it:
%1</source>
        <translation>操作失败，未作任何更改：
%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/operations.py" line="140" />
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/documents/pdf_view.py" line="112" />
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/pdf_view.py" line="113" />
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/pdf_view.py" line="114" />
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/pdf_view.py" line="115" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/pdf_view.py" line="116" />
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/pdf_view.py" line="155" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/pdf_view.py" line="158" />
        <location filename="../../inspector_app/ui/documents/pdf_view.py" line="167" />
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/pdf_view.py" line="159" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/pdf_view.py" line="168" />
        <source>Could not save the file:
%1</source>
        <translation>无法保存文件：
%1</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../inspector_app/ui/inspection/photo_strip.py" line="91" />
        <source>What the selected photo shows (printed under it in the record)</source>
        <translation>所选照片拍的是什么（打印在检查记录附页的照片下方）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/photo_strip.py" line="96" />
        <source>Taken by:</source>
        <translation>拍摄人：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/photo_strip.py" line="103" />
        <source>Who took the selected photo (printed under it in the record)</source>
        <translation>所选照片的拍摄人（打印在检查记录照片下方）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/photo_strip.py" line="111" />
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/photo_strip.py" line="115" />
        <source>Camera…</source>
        <translation>拍照…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/photo_strip.py" line="220" />
        <source>Photographer</source>
        <translation>拍摄人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/photo_strip.py" line="236" />
        <source>Photo caption</source>
        <translation>照片说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/photo_strip.py" line="246" />
        <source>camera picture</source>
        <translation>现场拍摄照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/photo_strip.py" line="261" />
        <location filename="../../inspector_app/ui/inspection/photo_strip.py" line="265" />
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/photo_strip.py" line="266" />
        <source>Pictures (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/photo_strip.py" line="298" />
        <location filename="../../inspector_app/ui/inspection/photo_strip.py" line="306" />
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="21" />
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="22" />
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="23" />
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="24" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="29" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="29" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="30" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/import_dialog.py" line="31" />
        <source>Reasons / warnings / changes</source>
        <translation>原因/提示/变更</translation>
    </message>
</context>
<context>
    <name>PrintDayDialog</name>
    <message>
        <location filename="../../inspector_app/ui/documents/print_day.py" line="54" />
        <source>Print a day's documents</source>
        <translation>打印当日文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/print_day.py" line="61" />
        <source>Documents issued on</source>
        <translation>出具日期</translation>
    </message>
</context>
<context>
    <name>QuarterListingDialog</name>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="54" />
        <source>Listed major hidden dangers of a quarter</source>
        <translation>季度挂牌督办重大事故隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="63" />
        <source>Q%1</source>
        <translation>第%1季度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="74" />
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="77" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="80" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/findings/quarter.py" line="107" />
        <source>%n listed major hidden danger(s)</source>
        <translation>
            <numerusform>挂牌督办重大隐患 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="117" />
        <source>%1 row(s) exported to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="119" />
        <location filename="../../inspector_app/ui/findings/quarter.py" line="127" />
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="128" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>QuarterListingModel</name>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="22" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="23" />
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="24" />
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="25" />
        <source>Supervising body</source>
        <translation>督办单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="26" />
        <source>Listing doc. no.</source>
        <translation>挂牌文号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="27" />
        <source>Listed on</source>
        <translation>挂牌日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="28" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="29" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/quarter.py" line="30" />
        <source>De-listed on</source>
        <translation>摘牌日期</translation>
    </message>
</context>
<context>
    <name>QuarterPanel</name>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="36" />
        <source>C&amp;lose the quarter…</source>
        <translation>季度结账(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="39" />
        <source>&amp;Reopen…</source>
        <translation>重新打开(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="42" />
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="55" />
        <source>%1: closed by %2 at %3</source>
        <translation>%1：已结账（%2，%3）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="59" />
        <source>%1: open (the quarter is still running)</source>
        <translation>%1：未结账（本季度尚未结束）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="63" />
        <source>%1: open, not yet closed</source>
        <translation>%1：未结账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="66" />
        <source>%1: reopened by %2 at %3 (%4)</source>
        <translation>%1：已重新打开（%2，%3，原因：%4）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="74" />
        <source>A quarter can be closed once it has ended.</source>
        <translation>季度结束后才能结账。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../inspector_app/ui/ledgers/record_dialog.py" line="28" />
        <source>Education or training activity</source>
        <translation>宣传教育活动</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/record_dialog.py" line="29" />
        <source>Special equipment</source>
        <translation>特种设备</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/record_dialog.py" line="30" />
        <source>Person and certificate</source>
        <translation>人员及证书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/record_dialog.py" line="31" />
        <source>Major hazard source</source>
        <translation>重大危险源</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/record_dialog.py" line="32" />
        <source>Accident</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/record_dialog.py" line="33" />
        <source>Drill or joint action</source>
        <translation>应急演练或联合执法</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/record_dialog.py" line="34" />
        <source>Village safety supervisor</source>
        <translation>村（社区）安监员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/record_dialog.py" line="35" />
        <source>Referral</source>
        <translation>案件移送</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/record_dialog.py" line="36" />
        <source>Enterprise's quarterly report</source>
        <translation>企业隐患排查治理季报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/record_dialog.py" line="57" />
        <source>Edit: %1</source>
        <translation>编辑：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/record_dialog.py" line="57" />
        <source>New: %1</source>
        <translation>新增：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/record_dialog.py" line="119" />
        <source>category default</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/record_dialog.py" line="149" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="239" />
        <location filename="../../inspector_app/ui/access/dialogs.py" line="291" />
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="240" />
        <source>This recovery key opens the data if the password is forgotten. It is shown only now: write it down or save and print the sheet, and hand it to the county to keep (not with the laptop).</source>
        <translation>忘记密码时，凭此恢复密钥可打开数据。它只在此时显示一次：请抄写下来，或保存并打印恢复密钥单，交县局保管（不要与笔记本电脑放在一起）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="253" />
        <source>Save the sheet…</source>
        <translation>保存恢复密钥单…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="256" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="258" />
        <source>I have written down or saved the recovery key</source>
        <translation>我已抄写或保存恢复密钥</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="280" />
        <source>Save the recovery sheet</source>
        <translation>保存恢复密钥单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="281" />
        <source>Text (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
</context>
<context>
    <name>RecoveryUnlockDialog</name>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="107" />
        <source>Unlock with the recovery key</source>
        <translation>用恢复密钥解锁</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="108" />
        <source>Type the recovery key from the sheet the county keeps (8 groups of 4 letters and digits), then choose a new password.</source>
        <translation>请输入县局保管的恢复密钥单上的恢复密钥（8组，每组4个字母或数字），然后设置新密码。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="122" />
        <source>Recovery key:</source>
        <translation>恢复密钥：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="123" />
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="124" />
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="138" />
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>RegistryModel</name>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="36" />
        <source>Name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="37" />
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="38" />
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="39" />
        <source>Sector</source>
        <translation>监管行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="40" />
        <source>Scale</source>
        <translation>规模</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="41" />
        <source>Employees</source>
        <translation>从业人数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="42" />
        <source>Risk tags</source>
        <translation>风险标签</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="43" />
        <source>Class</source>
        <translation>监管分级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="44" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="45" />
        <source>Responsible person</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="46" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>RegistryWidget</name>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="170" />
        <source>Search by name, pinyin initials (e.g. jyhg) or credit code</source>
        <translation>按名称、拼音首字母（如 jyhg）或信用代码搜索</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="173" />
        <location filename="../../inspector_app/ui/registry/registry.py" line="241" />
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="175" />
        <source>All sectors</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="176" />
        <source>All risk tags</source>
        <translation>全部风险标签</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="177" />
        <source>All classes</source>
        <translation>全部分级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="178" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="179" />
        <source>All scales</source>
        <translation>全部规模</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/registry/registry.py" line="183" />
        <source>&amp;New enterprise</source>
        <translation>新增企业(&amp;N)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/registry/registry.py" line="235" />
        <source>%n enterprise(s)</source>
        <translation>
            <numerusform>%n 家企业</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReinspectionDialog</name>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="122" />
        <source>Re-inspection — %1</source>
        <translation>整改复查 — %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="130" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="134" />
        <source>No order was issued for these findings: the re-inspection is recorded without a re-inspection opinion.</source>
        <translation>这些隐患未下达整改指令：本次复查仅作记录，不出具整改复查意见书。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="138" />
        <source>Original decision</source>
        <translation>原决定文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="140" />
        <source>Re-inspected on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="144" />
        <source>Finding</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="144" />
        <source>Result</source>
        <translation>复查结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="144" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="145" />
        <source>New deadline</source>
        <translation>新整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="145" />
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="277" />
        <source>After-photos</source>
        <translation>整改后照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="165" />
        <source>What was seen</source>
        <translation>现场所见</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="171" />
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="274" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="176" />
        <source>Officers (at least two with certificates)</source>
        <translation>执法人员（至少两名持证人员）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="182" />
        <source>Close the passed findings now (销号)</source>
        <translation>复查合格的隐患立即销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="185" />
        <source>Opinion handed over on the spot (直接送达)</source>
        <translation>意见书已当场直接送达</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="196" />
        <source>The opinion will be numbered %1</source>
        <translation>意见书编号将为 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="203" />
        <source>Record and issue the opinion</source>
        <translation>记录并出具意见书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="203" />
        <source>Record the re-inspection</source>
        <translation>记录复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="213" />
        <source>Opinion (printed on the 整改复查意见书)</source>
        <translation>复查意见（打印在整改复查意见书上）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="274" />
        <source>%n photo(s)…</source>
        <translation>
            <numerusform>%n 张照片…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="278" />
        <source>Pictures (*.jpg *.jpeg *.png *.heic *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic *.bmp)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="327" />
        <source>Re-inspection recorded</source>
        <translation>复查已记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="328" />
        <source>The re-inspection is recorded, but:</source>
        <translation>复查已记录，但：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/reinspection.py" line="333" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>ReinspectionOpinionEditor</name>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/reinspection_opinion.py" line="43" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/reinspection_opinion.py" line="43" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/reinspection_opinion.py" line="53" />
        <source>Original decision</source>
        <translation>原决定文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/reinspection_opinion.py" line="54" />
        <source>Items re-inspected</source>
        <translation>复查事项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/reinspection_opinion.py" line="55" />
        <source>Opinion</source>
        <translation>复查意见</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/reinspection_opinion.py" line="56" />
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="225" />
        <source>Reopen %1</source>
        <translation>重新打开%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="226" />
        <source>Reopening lets the quarter's ledgers change again; its export is then built from the records as they stand until it is closed again. Why is it reopened?</source>
        <translation>重新打开后本季度台账可再修改，再次结账前按当前数据导出。请说明重新打开的原因：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="236" />
        <source>&amp;Reopen</source>
        <translation>重新打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ledgers/quarter_panel.py" line="252" />
        <source>Write the reason (at least %1 characters).</source>
        <translation>请填写原因（至少%1个字）。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="91" />
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="130" />
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="137" />
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="149" />
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="156" />
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="96" />
        <source>Restoring replaces the current data with the backup. A copy of the current database is kept first. Afterwards no document can be numbered until the last number of each kind is confirmed from the paper register. The program closes when the restore is done; start it again.</source>
        <translation>恢复将用备份替换现有数据，替换前会先保留现有数据库的副本。恢复后，须对照纸质登记簿确认各类文书已用到的最大编号，才能再出具文书。恢复完成后程序将关闭，请重新启动。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="101" />
        <source>I have checked the date and want to restore this backup</source>
        <translation>我已核对备份时间，确认恢复此备份</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="104" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="131" />
        <source>Backups (inspector-backup-*.sqlite)</source>
        <translation>备份文件 (inspector-backup-*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="150" />
        <source>The backup of %1 was restored. The previous database was kept as:
%2

The program now closes; start it again and confirm the document numbers.</source>
        <translation>已恢复%1的备份。原数据库已保留为：
%2

程序将关闭，请重新启动并确认文书编号。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="157" />
        <source>The restore did not happen; the current data is unchanged:
%1

The program now closes; start it again.</source>
        <translation>未能恢复，现有数据未被改动：
%1

程序将关闭，请重新启动。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="161" />
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>ResumptionReviewDialog</name>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="114" />
        <source>Resumption review (复产审查) — %1</source>
        <translation>复产审查 — %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="118" />
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="118" />
        <source>suspended since</source>
        <translation>停产起始日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="121" />
        <source>Production may resume only after the danger is removed and this review is passed (安全生产法第六十五条第一款第（三）项).</source>
        <translation>重大事故隐患排除后，经审查同意，方可恢复生产经营和使用（安全生产法第六十五条第一款第（三）项）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="131" />
        <source>Earlier reviews:</source>
        <translation>此前的复产审查：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="138" />
        <source>Passed: the danger is removed, resumption approved</source>
        <translation>合格：隐患已排除，同意恢复生产经营</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="140" />
        <source>Failed: not yet rectified, stays suspended</source>
        <translation>不合格：尚未整改到位，继续停产整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="152" />
        <source>What the enterprise presented: rectification report, assessment, test reports, photos after rectification…</source>
        <translation>企业提交的整改材料：整改报告、评估意见、检测报告、整改后照片等</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="157" />
        <source>Findings on site and the conclusion</source>
        <translation>现场审查情况及结论</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="164" />
        <source>&amp;Record the review</source>
        <translation>登记复产审查(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="165" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="170" />
        <source>Reviewed on</source>
        <translation>审查日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="171" />
        <source>Reviewed by</source>
        <translation>审查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="172" />
        <source>Result</source>
        <translation>审查结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="173" />
        <source>Rectification evidence</source>
        <translation>整改证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="174" />
        <source>Opinion</source>
        <translation>审查意见</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="193" />
        <source>A resumption is approved by two officers: tick both reviewers.</source>
        <translation>同意复产须由两名执法人员审查，请勾选两名审查人员。</translation>
    </message>
</context>
<context>
    <name>ReviewsModel</name>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="84" />
        <source>Reviewed on</source>
        <translation>审查日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="85" />
        <source>Result</source>
        <translation>审查结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="86" />
        <source>Reviewed by</source>
        <translation>审查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="87" />
        <source>Rectification evidence</source>
        <translation>整改证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="88" />
        <source>Opinion</source>
        <translation>审查意见</translation>
    </message>
</context>
<context>
    <name>SeriesConfirmDialog</name>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="171" />
        <source>Confirm the document numbers</source>
        <translation>确认文书编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="172" />
        <source>This laptop was restored from a backup. Documents issued after the backup was taken may already carry numbers. For each kind, enter the last number written in the paper register (执法文书登记簿); numbering continues after it.</source>
        <translation>本机数据已从备份恢复，备份之后出具的文书可能已经占用了编号。请对照纸质执法文书登记簿，填写每类文书已用到的最大编号，之后的文书将接续编号。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="176" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="176" />
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="176" />
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="176" />
        <source>In the backup</source>
        <translation>备份时编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="177" />
        <source>Last number in the register</source>
        <translation>登记簿最大编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/backup/dialogs.py" line="187" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>ServiceBox</name>
    <message>
        <location filename="../../inspector_app/ui/documents/service.py" line="22" />
        <source>Service (送达)</source>
        <translation>送达</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/service.py" line="25" />
        <source>Served now — handed over on the spot or otherwise (送达)</source>
        <translation>现在送达（当场交付或其他方式）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/service.py" line="36" />
        <source>The party refused to sign for it</source>
        <translation>当事人拒绝签收</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/service.py" line="40" />
        <source>How it was served; for a refusal: reason and what was done</source>
        <translation>送达情况；拒签的，注明拒签理由和处理情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/service.py" line="50" />
        <source>Who signed the receipt</source>
        <translation>在送达回执上签收的人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/service.py" line="53" />
        <source>Served at</source>
        <translation>送达时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/service.py" line="54" />
        <source>How</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/service.py" line="55" />
        <source>Place</source>
        <translation>送达地点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/service.py" line="56" />
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/service.py" line="58" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/service.py" line="61" />
        <source>ID no.</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/service.py" line="63" />
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../inspector_app/ui/documents/service.py" line="91" />
        <source>Record service — %1</source>
        <translation>登记送达 — %1</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="160" />
        <source>Set the password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="162" />
        <source>From this version on, the data on this laptop is kept encrypted. Choose a password (at least 6 characters); it is asked for each time the program starts. The data is encrypted now; this takes a moment.</source>
        <translation>从本版本起，本机数据加密保存。请设置密码（至少6个字符），以后每次启动程序时输入。现在开始加密数据，需要片刻。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="166" />
        <source>The data on this laptop is kept encrypted. Choose a password (at least 6 characters); it is asked for each time the program starts.</source>
        <translation>本机数据加密保存。请设置密码（至少6个字符），以后每次启动程序时输入。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="178" />
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="179" />
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="198" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="64" />
        <source>Issuing authority</source>
        <translation>执法机关</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="65" />
        <source>In Jiangyin, townships act in the name of the entrusting authority (江阴市应急管理局). These appear on every document.</source>
        <translation>在江阴，镇（街道）以委托机关（江阴市应急管理局）的名义执法。以下信息将出现在每份文书上。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="74" />
        <source>Authority full name:</source>
        <translation>机关全称：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="75" />
        <source>Abbreviation in document numbers:</source>
        <translation>文书编号中的简称：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="76" />
        <source>Administrative review government:</source>
        <translation>行政复议机关（人民政府）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="77" />
        <source>Court for litigation:</source>
        <translation>行政诉讼法院：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="83" />
        <source>Township and villages</source>
        <translation>镇（街道）和村（社区）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="84" />
        <source>One village or community per line.</source>
        <translation>每行填写一个村或社区。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="91" />
        <source>e.g. A1 — given by the county, unique per laptop</source>
        <translation>例如 A1 — 由市里分配，每台笔记本电脑唯一</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="95" />
        <source>This laptop has issued documents under this code; change it in Settings, which explains what it does to numbering.</source>
        <translation>本机已用此设备编号出具过文书；如需更改，请到“设置”中更改，那里会说明对文书编号的影响。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="98" />
        <source>Township / sub-district:</source>
        <translation>镇（街道）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="99" />
        <source>Township government:</source>
        <translation>镇政府（街道办事处）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="100" />
        <source>This laptop's device code:</source>
        <translation>本机设备代码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="101" />
        <source>Villages / communities:</source>
        <translation>村（社区）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="109" />
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="110" />
        <source>At least two officers with enforcement certificate numbers. Add as many as the township has.</source>
        <translation>至少两名持有执法证的执法人员；本镇有多少名就填多少名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="252" />
        <source>Not saved: </source>
        <translation>未保存：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="114" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="114" />
        <source>Certificate no.</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="114" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="123" />
        <source>Add a row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="126" />
        <source>Leave a row empty to skip it. Phone: a mobile (13812345678) or a landline with its area code (0510-86861234).</source>
        <translation>不用的行留空即可。电话：手机号（如13812345678）或带区号的固定电话（如0510-86861234）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="185" />
        <source>Row %1: </source>
        <translation>第%1行：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="197" />
        <source>First-run setup</source>
        <translation>首次运行设置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="205" />
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="206" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="207" />
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/setup_wizard.py" line="208" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SpotPenaltyEditor</name>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="28" />
        <source>Unit (the enterprise)</source>
        <translation>单位（企业）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="30" />
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="41" />
        <source>Person penalised</source>
        <translation>被处罚人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="44" />
        <source>Name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="44" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="44" />
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="45" />
        <source>ID card no.</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="45" />
        <source>Home address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="46" />
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="46" />
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="47" />
        <source>Employer address</source>
        <translation>单位地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="47" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="90" />
        <source>The cited penalty article provides a warning</source>
        <translation>所引用的处罚条款规定了警告</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="100" />
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="111" />
        <source>Hard to enforce later unless collected on the spot (第68条)</source>
        <translation>不当场收缴事后难以执行（第68条）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="114" />
        <source>Leave empty to print blank lines for handwriting</source>
        <translation>留空则打印空行，供手写填写</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="117" />
        <source>Penalised</source>
        <translation>被处罚对象</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="119" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="120" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="121" />
        <source>Facts and evidence</source>
        <translation>违法事实及证据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="122" />
        <source>Provision violated</source>
        <translation>违反的规定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="123" />
        <source>Penalty basis</source>
        <translation>处罚依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="125" />
        <source>Penalty</source>
        <translation>处罚种类</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="126" />
        <source>Order to correct</source>
        <translation>责令改正</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="130" />
        <source>Fine</source>
        <translation>罚款金额</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="131" />
        <source>Payment</source>
        <translation>缴纳方式</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="133" />
        <source>Statement of the party</source>
        <translation>当事人陈述、申辩</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="134" />
        <source>On-the-spot penalty (simplified procedure)</source>
        <translation>当场处罚（简易程序）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="153" />
        <source>an individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="153" />
        <source>a unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="155" />
        <source>An on-the-spot fine on %1 may not exceed %2 yuan (行政处罚法第51条). Use the ordinary procedure for %3 yuan.</source>
        <translation>对%1当场处以罚款不得超过%2元（行政处罚法第51条）。罚款%3元应适用普通程序。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/editors/penalty.py" line="160" />
        <source>Limit on the spot: %1 yuan</source>
        <translation>当场处罚限额：%1元</translation>
    </message>
</context>
<context>
    <name>StartInspectionDialog</name>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="42" />
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="58" />
        <source>Focused: major-hazard items and the firm's risk tags (%1 items)</source>
        <translation>重点检查：重大事故隐患判定项及本单位风险类别对应项（%1项）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="59" />
        <source>Full: every applicable item (%1 items)</source>
        <translation>全面检查：适用于本单位的全部检查项（%1项）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="64" />
        <source>Firms of up to %1 people start focused (Settings); the record says which was done.</source>
        <translation>从业人数不超过%1人的企业默认重点检查（可在设置中修改）；现场检查记录注明检查范围。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="81" />
        <source>An unfinished inspection of this enterprise (started %1) is in the drafts; you can resume it from Inspections instead.</source>
        <translation>该企业有一项未完成的检查（开始于 %1）保存在草稿中；也可以在“现场检查”中继续该检查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="91" />
        <source>Enterprise:</source>
        <translation>企业：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="92" />
        <source>Officers:</source>
        <translation>执法人员：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="94" />
        <source>Kind:</source>
        <translation>检查类型：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="95" />
        <source>Checklist:</source>
        <translation>检查范围：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="96" />
        <source>Place:</source>
        <translation>检查地点：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="97" />
        <source>Start time:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="98" />
        <source>Purpose:</source>
        <translation>检查目的：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="102" />
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspection/start_dialog.py" line="103" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Suspension</name>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="41" />
        <source>Passed — resumption approved</source>
        <translation>合格，同意复产</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="42" />
        <source>Failed — stays suspended</source>
        <translation>不合格，继续停产整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="48" />
        <source>Suspended</source>
        <translation>停产整改中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="50" />
        <source>Resumed on %1</source>
        <translation>已于%1恢复生产经营</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="51" />
        <source>Lifted: decision voided (%1)</source>
        <translation>决定书作废解除（%1）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="56" />
        <source>not reviewed yet</source>
        <translation>尚未复产审查</translation>
    </message>
</context>
<context>
    <name>SuspensionPage</name>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="220" />
        <source>No suspension has been ordered for this enterprise. A 现场处理措施决定书 that orders 责令暂时停产停业 puts it under suspension.</source>
        <translation>该企业没有被责令暂时停产停业的记录。出具责令暂时停产停业的现场处理措施决定书后，企业即处于停产整改状态。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="225" />
        <source>Record resumption &amp;review…</source>
        <translation>登记复产审查(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="228" />
        <source>Pre&amp;view the decision</source>
        <translation>预览决定书(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="231" />
        <source>Resumption reviews (复产审查) of the selected suspension</source>
        <translation>所选停产整改的复产审查记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="256" />
        <source>Under suspension (停产整改) since %1, scope: %2 — production may resume only after a resumption review is recorded as passed.</source>
        <translation>自%1起停产整改，范围：%2——复产审查登记合格后方可恢复生产经营。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="261" />
        <source>In operation: no open suspension.</source>
        <translation>在营：没有未解除的停产整改。</translation>
    </message>
</context>
<context>
    <name>SuspensionsModel</name>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="62" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="63" />
        <source>Suspended on</source>
        <translation>停产日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="64" />
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="65" />
        <source>Decision</source>
        <translation>决定书文号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="66" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/findings/suspension.py" line="67" />
        <source>Last review</source>
        <translation>最近一次复产审查</translation>
    </message>
</context>
<context>
    <name>SyncConflicts</name>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="37" />
        <source>Parallel update (different fields)</source>
        <translation>并行修改（不同字段）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="39" />
        <source>Conflict (same field)</source>
        <translation>冲突（同一字段）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="51" />
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="53" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/conflicts.py" line="59" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>SyncWidget</name>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="95" />
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="108" />
        <source>Trust the county key…</source>
        <translation>信任县级公钥…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="112" />
        <source>County key fingerprint:</source>
        <translation>县局公钥指纹：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="115" />
        <source>This laptop:</source>
        <translation>本机：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="117" />
        <source>This laptop's key fingerprint:</source>
        <translation>本机公钥指纹：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="122" />
        <source>Exchange with the county</source>
        <translation>与县局交换数据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="129" />
        <source>Export sync bundle…</source>
        <translation>导出同步包…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="132" />
        <source>Everything</source>
        <translation>全部导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="133" />
        <source>Everything this laptop holds, not only what the county has not acknowledged</source>
        <translation>导出本机的全部数据，而不只是县局尚未确认收到的部分</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="135" />
        <source>Encrypt for the county (only the county can read it)</source>
        <translation>加密给县局（只有县局能读取）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="137" />
        <source>Import county sync bundle…</source>
        <translation>导入县级同步包…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="146" />
        <source>Last export:</source>
        <translation>最近导出：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="154" />
        <source>Last import:</source>
        <translation>最近导入：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="161" />
        <source>Outbox: bundles waiting for the county's acknowledgement</source>
        <translation>待确认：等待县局确认收到的同步包</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="164" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="164" />
        <source>Created</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="164" />
        <source>Sequence</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="165" />
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="165" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="210" />
        <source>not trusted yet — import the county's key file</source>
        <translation>尚未信任，请导入县局公钥文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="212" />
        <source>created with the first export</source>
        <translation>首次导出时生成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="213" />
        <source>device %1, %2</source>
        <translation>设备 %1，%2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="217" />
        <source>%1 · sequence %2 · %3 records, %4 photos (%5)
%6</source>
        <translation>%1 · 序号 %2 · %3 条记录、%4 张照片（%5）
%6</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="222" />
        <location filename="../../inspector_app/ui/sync/screen.py" line="229" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="224" />
        <source>%1 · county sequence %2 · new %3, updated %4, conflicts %5
%6</source>
        <translation>%1 · 县局序号 %2 · 新增 %3、更新 %4、冲突 %5
%6</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="238" />
        <source>The county's key file carries no encryption key</source>
        <translation>县局公钥文件中没有加密公钥</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="250" />
        <source>%1 bundle(s) not yet acknowledged. A copy of each stays on this laptop until the county's next bundle confirms it arrived; exporting again sends only what is new, never duplicates.</source>
        <translation>%1 个同步包尚未得到县局确认。每个包在本机保留一份副本，直到县局下发的数据包确认已收到；再次导出只包含新的修改，不会产生重复。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="253" />
        <source>Nothing waiting: the county has acknowledged every bundle.</source>
        <translation>没有待确认的同步包：县局已确认收到全部同步包。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="256" />
        <source>Conflicts to check: %1</source>
        <translation>待处理的冲突：%1 条</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="257" />
        <source>Conflicts: none</source>
        <translation>冲突：无</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="272" />
        <source>Export sync bundle to a folder (the USB stick)</source>
        <translation>选择导出同步包的文件夹（U盘）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="275" />
        <source>Export sync bundle</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="279" />
        <source>Writing and verifying the bundle…</source>
        <translation>正在写入并核验同步包…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="284" />
        <source>Written and verified: %1 (%2 records, %3 photos, sequence %4) in %5.
It is now safe to remove the USB stick. Hand the bundle to the county office.</source>
        <translation>已写入并核验：%1（%2 条记录、%3 张照片，序号 %4），位于 %5。
现在可以安全拔出U盘，请将同步包交县局。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="289" />
        <source>Encrypted: only the county can read it.</source>
        <translation>已加密：只有县局能读取。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="294" />
        <source>Import the county's sync bundle</source>
        <translation>导入县级同步包</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="295" />
        <source>Sync bundles (%1)</source>
        <translation>同步包 (%1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="298" />
        <source>Import county sync bundle</source>
        <translation>导入县级同步包</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="300" />
        <source>Verifying and merging the bundle…</source>
        <translation>正在核验并合并同步包…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="306" />
        <source>This bundle (county sequence %1) was imported before; nothing changed.</source>
        <translation>该同步包（县局序号 %1）已导入过，未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="309" />
        <source>Imported county bundle %1: new %2, updated %3, conflicts %4.</source>
        <translation>已导入县局同步包 %1：新增 %2 条、更新 %3 条、冲突 %4 条。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="313" />
        <source>Check the conflicts below.</source>
        <translation>请在下方处理冲突。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="315" />
        <source>%1 enterprise(s) held twice were unified by credit code.</source>
        <translation>%1 家重复登记的企业已按统一社会信用代码合并。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="317" />
        <source>It is now safe to remove the USB stick.</source>
        <translation>现在可以安全拔出U盘。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="322" />
        <source>The county's key file</source>
        <translation>县局公钥文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="323" />
        <source>County key files (*.json *.key *.txt);;All files (*)</source>
        <translation>县局公钥文件 (*.json *.key *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="326" />
        <source>Trust the county's key</source>
        <translation>信任县级公钥</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="335" />
        <source>County key trusted: %1</source>
        <translation>已信任县局公钥：%1</translation>
    </message>
</context>
<context>
    <name>TodayDocumentsModel</name>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="215" />
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="216" />
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="217" />
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="218" />
        <source>Issued</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="219" />
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="232" />
        <source>issued today</source>
        <translation>今天出具</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/today/model.py" line="232" />
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayDraftsModel</name>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="245" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="246" />
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="247" />
        <source>Items answered</source>
        <translation>已检查项数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="248" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="249" />
        <source>Last saved</source>
        <translation>最后保存</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="93" />
        <location filename="../../inspector_app/ui/today/model.py" line="98" />
        <source>Re-inspect by</source>
        <translation>复查期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="103" />
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="107" />
        <source>Listing deadline</source>
        <translation>督办期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="110" />
        <source>Issued</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="115" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="145" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="146" />
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="147" />
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="148" />
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="149" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="150" />
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="151" />
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/today/model.py" line="190" />
        <source>%n day(s) late</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="191" />
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/today/model.py" line="191" />
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayWidget</name>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="92" />
        <source>Re-inspections overdue</source>
        <translation>逾期未复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="94" />
        <location filename="../../inspector_app/ui/today/model.py" line="99" />
        <source>Date: the last day for the re-inspection (the rectification deadline, or the day rectification was reported, + %1 days).</source>
        <translation>日期列：复查的最后期限（整改期限届满或报告整改完成之日起%1日内）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="97" />
        <source>Re-inspections due this week</source>
        <translation>本周应复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="102" />
        <source>Rectifications overdue</source>
        <translation>逾期未整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="104" />
        <source>Date: the rectification deadline set in the order.</source>
        <translation>日期列：指令书规定的整改期限。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="105" />
        <source>Supervision listings expired or expiring this week</source>
        <translation>挂牌督办已到期或本周到期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="108" />
        <source>Date: the deadline of the supervision listing (督办期限).</source>
        <translation>日期列：挂牌督办的督办期限。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="109" />
        <source>Documents issued but not served</source>
        <translation>已出具未送达的文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="111" />
        <source>Date: the day the document was issued. A rectification period runs from service: record it once the document is handed over.</source>
        <translation>日期列：文书出具日期。整改期限自送达起算，文书交付后请及时登记送达。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="114" />
        <source>Unfinished inspections</source>
        <translation>未完成的检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/model.py" line="116" />
        <source>Date: when the inspection was started. Resume it to finish or discard it.</source>
        <translation>日期列：检查开始时间。请继续完成，或放弃该草稿。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="70" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="90" />
        <location filename="../../inspector_app/ui/today/widget.py" line="132" />
        <source>Nothing here.</source>
        <translation>暂无事项。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="134" />
        <source>Record resumption review…</source>
        <translation>登记复产审查…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="169" />
        <source>Record service…</source>
        <translation>登记送达…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="171" />
        <source>Resume</source>
        <translation>继续检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="172" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/today/widget.py" line="236" />
        <source>%n finding(s) need attention</source>
        <translation>
            <numerusform>%n 条隐患待处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/today/widget.py" line="238" />
        <source>%n document(s) to serve</source>
        <translation>
            <numerusform>%n 份文书待送达</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/today/widget.py" line="240" />
        <source>%n unfinished inspection(s)</source>
        <translation>
            <numerusform>%n 次检查未完成</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="103" />
        <source>Start re-inspection</source>
        <translation>开始复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="223" />
        <source>Under suspension until a resumption review passes</source>
        <translation>责令停产整改（复产审查合格前）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="233" />
        <source>Today, %1</source>
        <translation>今天是%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="241" />
        <source>nothing is due</source>
        <translation>暂无到期事项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="250" />
        <source>Click to open the ledger filtered to it</source>
        <translation>单击打开对应台账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="251" />
        <source>Ledgers</source>
        <translation>台账提醒</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="322" />
        <source>Select the suspended enterprise first.</source>
        <translation>请先选择停产整改的企业。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/today/widget.py" line="342" />
        <source>Select the findings to re-inspect.</source>
        <translation>请选择要复查的隐患。</translation>
    </message>
</context>
<context>
    <name>TownshipSettingsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="36" />
        <source>Change the device code</source>
        <translation>更改设备编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="38" />
        <source>Keep it</source>
        <translation>不更改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="47" />
        <source>Township, authority and officers</source>
        <translation>镇（街道）、机关和执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="49" />
        <source>Authority and township</source>
        <translation>机关和镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="50" />
        <source>Villages / communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="51" />
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="55" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="56" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="70" />
        <source>Authority full name:</source>
        <translation>执法机关全称：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="71" />
        <source>Abbreviation in document numbers:</source>
        <translation>文号中的机关简称：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="72" />
        <source>Administrative review government:</source>
        <translation>行政复议机关：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="73" />
        <source>Court for litigation:</source>
        <translation>行政诉讼法院：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="74" />
        <source>Township / sub-district:</source>
        <translation>镇（街道）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="75" />
        <source>Township government:</source>
        <translation>镇（街道）全称：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="76" />
        <source>This laptop's device code:</source>
        <translation>本机设备编号：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="86" />
        <source>The device code is this laptop's document number series, given by the county. Once documents have been issued, changing it starts a new series: you will be asked to confirm, and the change is logged.</source>
        <translation>设备编号是本机的文书编号序列，由县局分配。本机出具过文书后，更改设备编号将开始新的编号序列：更改前会请您确认，更改也会记入本机日志。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="101" />
        <source>Name of a village or community</source>
        <translation>村（社区）名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="102" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="103" />
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="104" />
        <location filename="../../inspector_app/ui/township_settings.py" line="150" />
        <location filename="../../inspector_app/ui/township_settings.py" line="186" />
        <location filename="../../inspector_app/ui/township_settings.py" line="241" />
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="109" />
        <source>Changes to villages are saved at once. A renamed village keeps its enterprises; a retired one stays in the records but is no longer offered.</source>
        <translation>村（社区）的更改立即保存。改名后原有企业随之显示新名称；停用的村（社区）保留在历史记录中，但不再供选择。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="129" />
        <source> (%1 enterprises)</source>
        <translation>（%1家企业）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="131" />
        <source> — retired</source>
        <translation> — 已停用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="150" />
        <location filename="../../inspector_app/ui/township_settings.py" line="241" />
        <source>Bring back</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="162" />
        <source>Village added.</source>
        <translation>已添加村（社区）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="168" />
        <source>Renamed; its enterprises now show the new name.</source>
        <translation>已改名，所属企业已显示新名称。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="174" />
        <location filename="../../inspector_app/ui/township_settings.py" line="263" />
        <source>Brought back.</source>
        <translation>已恢复使用。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="174" />
        <location filename="../../inspector_app/ui/township_settings.py" line="263" />
        <source>Retired: kept for history, no longer offered.</source>
        <translation>已停用：保留在历史记录中，不再供选择。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="180" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="180" />
        <source>Certificate no.</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="181" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="181" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="185" />
        <source>Add an officer</source>
        <translation>添加执法人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="190" />
        <source>Correct a name, certificate number or phone in its cell and press Save: it stays the same officer. A retired officer stays on past inspections and documents but is no longer offered.</source>
        <translation>在表格中直接更正姓名、执法证号或电话后点“保存”，仍是同一名执法人员。停用的执法人员保留在以往的检查和文书中，但不再供选择。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="221" />
        <source>Serving</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="221" />
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="246" />
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="298" />
        <source>Row %1: </source>
        <translation>第%1行：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/township_settings.py" line="311" />
        <source>Change the device code?</source>
        <translation>确定更改设备编号？</translation>
    </message>
</context>
<context>
    <name>TrustKeyDialog</name>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="55" />
        <source>Trust the county's key</source>
        <translation>信任县级公钥</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="57" />
        <source>Key file: %1

Compare this fingerprint with the one the county office gave you (by phone or on paper). Trust the key only if every group matches.</source>
        <translation>公钥文件：%1

请将下面的指纹与县局提供的指纹（电话告知或书面）逐组核对，全部一致才可信任。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="68" />
        <source>Fingerprint matches — trust</source>
        <translation>指纹一致，信任</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync/screen.py" line="70" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="46" />
        <source>Unlock the database</source>
        <translation>解锁数据库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="47" />
        <source>The data on this laptop is encrypted. Type the password to open it.
%1</source>
        <translation>本机数据已加密，请输入密码打开。
%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="57" />
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="61" />
        <source>Demo database: the password is %1</source>
        <translation>演示数据库：密码为 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="67" />
        <source>Forgot the password? Use the recovery key…</source>
        <translation>忘记密码？使用恢复密钥…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="74" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/access/dialogs.py" line="85" />
        <source>Wrong password. Type it again (mind the keyboard's input method and Caps Lock). If it is forgotten, use the recovery key the county keeps.</source>
        <translation>密码不正确，请重新输入（注意输入法和大小写锁定键）。如忘记密码，请使用县局保管的恢复密钥。</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../inspector_app/ui/documents/void.py" line="19" />
        <source>Void document — %1</source>
        <translation>作废文书 — %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/void.py" line="22" />
        <source>Why is this document void? (e.g. wrong party, printed twice)</source>
        <translation>作废原因（例如：当事人有误、重复打印）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/void.py" line="25" />
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/void.py" line="30" />
        <source>The number stays in the register marked void; it is never reused.</source>
        <translation>该文号在登记簿中保留并标记为作废，不会再次使用。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/documents/void.py" line="34" />
        <source>Reason</source>
        <translation>作废原因</translation>
    </message>
</context>
</TS>
