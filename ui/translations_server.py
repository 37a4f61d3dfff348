"""Texts for a shared server (issue 19): sign-in, private runs, share links, the run database.

`SERVER` holds the pages' words; `SERVER_MESSAGES` the engine's (nncore/runs), matched word for
word by ui/engine_messages.py. None of them names a server path, host or database URL.
"""

from __future__ import annotations

SERVER: dict[str, tuple[str, str]] = {
    "srv.caption": (
        "Every training is saved here when it ends (finished, stopped or diverged) and survives refreshes "
        "and restarts.",
        "每次训练结束时（完成、停止或发散）都会保存在这里，刷新页面或重启服务器后依然保留。",
    ),
    "srv.shared_notice": (
        "Runs on this server are shared: everyone who opens this app sees, opens, renames and deletes the "
        "same runs. A server owner can turn on sign-in to give each person their own.",
        "这台服务器上的训练记录是共享的：打开这个应用的每个人看到、打开、重命名和删除的都是同一批记录。"
        "服务器管理员可以开启登录，让每个人拥有自己的记录。",
    ),
    "srv.private_notice": (
        "Only you see, open, rename and delete your runs. Share one read-only with a link.",
        "只有你能看到、打开、重命名和删除你的训练记录。可以用链接只读地分享其中一条。",
    ),
    "srv.database_hint": (
        "The saved runs are in a database this server could not reach. Training still works; ask the "
        "server's owner to check the database.",
        "保存的训练记录在一个这台服务器暂时连不上的数据库里。训练照常可用；请联系服务器管理员检查数据库。",
    ),
    "srv.sign_in_title": ("Sign in", "登录"),
    "srv.sign_in_text": (
        "This server keeps each person's runs private. Sign in to train, save and reopen your own.",
        "这台服务器为每个人单独保存训练记录。请登录后训练、保存并重新打开你自己的记录。",
    ),
    "srv.sign_in": ("Sign in", "登录"),
    "srv.sign_in_with": ("Sign in with {provider}", "用 {provider} 登录"),
    "srv.sign_in_help": (
        "Opens the sign-in page of the account provider this server uses, then comes back here.",
        "打开这台服务器使用的账号提供方的登录页面，登录后回到这里。",
    ),
    "srv.signed_in_as": ("Signed in as {name}", "已登录：{name}"),
    "srv.sign_out": ("Sign out", "退出登录"),
    "srv.sign_out_help": (
        "Ends your session on this server; your saved runs stay yours.",
        "结束你在这台服务器上的会话；你保存的训练记录仍然属于你。",
    ),
    "srv.run_link": (
        "This run's address (it opens the run for you; anyone else is told there is no such run):",
        "这条记录的地址（只有你能用它打开这条记录；其他人会被告知没有这条记录）：",
    ),
    "srv.share": ("Share read-only", "只读分享"),
    "srv.share_help": (
        "Makes a link with which anyone signed in to this server can open this run, but not rename or "
        "delete it. You can stop it at any time.",
        "生成一个链接，登录这台服务器的任何人都可以用它打开这条记录，但不能重命名或删除。你可以随时停止分享。",
    ),
    "srv.share_link": (
        "Anyone signed in to this server who has this link can open **{name}** read-only:",
        "登录这台服务器的任何人只要有这个链接，就可以只读地打开 **{name}**：",
    ),
    "srv.revoke": ("Stop sharing", "停止分享"),
    "srv.revoke_help": (
        "The link stops working at once; a new share makes a new link.",
        "这个链接立即失效；再次分享会生成一个新链接。",
    ),
    "srv.revoked": ("The share link of **{name}** no longer works.", "**{name}** 的分享链接已失效。"),
    "srv.shared_title": ("Shared with you: {name}", "分享给你的记录：{name}"),
    "srv.shared_caption": (
        "A run another user shared read-only. Reopen it to evaluate, explain and look inside it; it stays "
        "theirs, and training it further saves a run of your own.",
        "另一位用户只读分享的训练记录。重新打开它即可评估、解释并查看内部；它仍属于对方，继续训练会另存为你自己的记录。",
    ),
    "srv.close_link": ("Close", "关闭"),
    "srv.close_link_help": ("Back to the list of your runs.", "回到你的训练记录列表。"),
}

SERVER_MESSAGES: dict[str, tuple[str, str]] = {
    "msg.server.workspace": (
        "Expected a writable workspace folder for saved runs. Received: a folder that cannot be written ({error})",
        "保存训练记录需要一个可写的工作区文件夹。但这个文件夹不可写（{error}）",
    ),
    "msg.server.no_answer": (
        "Expected the run database to answer. Received: no answer ({kind})",
        "训练记录数据库没有应答（{kind}）",
    ),
    "msg.server.no_psycopg": (
        "Expected the psycopg package for a PostgreSQL run database. Received: it is not installed "
        "(pip install -r requirements.txt)",
        "使用 PostgreSQL 训练记录数据库需要 psycopg 软件包，但它没有安装（pip install -r requirements.txt）",
    ),
    "msg.server.bad_url": (
        "Expected a database URL that starts with postgresql://. Received: a URL of another kind",
        "数据库地址应以 postgresql:// 开头，但收到的是其他类型的地址",
    ),
    "msg.server.kept_locally": (
        "The run database did not answer, so this run was kept on this server's own disk; it joins the saved "
        "runs once the database answers again.",
        "训练记录数据库没有应答，所以这次训练先保存在这台服务器自己的磁盘上；数据库恢复应答后，它会自动加入已保存的记录。",
    ),
    "msg.server.missing_files": (
        "Files missing from its folder: {files}; they were removed outside the app.",
        "它的文件夹里缺少文件：{files}；这些文件在应用之外被移走了。",
    ),
    "msg.server.bad_share": (
        "Expected a share link that is still valid. Received: an unknown or revoked link.",
        "这个分享链接已无效：它不存在或已被撤销。",
    ),
}
