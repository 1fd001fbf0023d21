"""The words of the printed 告知同意书 (documents.consent_form), in Chinese and English.

* :data:`TEXTS`: every heading, sentence and label of the form — the notice (PIPL Art 17), the
  retention sentences, the rights paragraphs (Arts 44–50, 15), the complaint channel, the choices
  and signature lines, the copy marks (公司留存联, 个人留存联).
* :data:`CATEGORY_NAMES`: each data category with its examples.
* :data:`SENSITIVE_TEXTS`: for each sensitive category, why the firm needs it and how processing it
  affects the person (Art 30).

Only texts: the layout and the logic stay in documents.consent_form.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CATEGORY_NAMES", "SENSITIVE_TEXTS", "TEXTS"]

#: The form's texts by language; ``{…}`` fields are filled by documents.consent_form.
TEXTS: dict[str, dict[str, Any]] = {
    "zh": {
        "title": "个人信息处理告知同意书",
        "subtitle": "依据《中华人民共和国个人信息保护法》第十四条、第十七条、第二十三条、第二十九条、第三十条",
        "form_no": "告知同意书编号",
        "issued": "出具日期",
        "client": "委托方（客户）",
        "code": "统一社会信用代码",
        "person": "签署人",
        "blank": "",
        "who_h": "一、个人信息处理者",
        "who": "{name}（以下简称“本公司”）。地址：{address}；电话：{phone}；电子邮箱：{email}。",
        "officer": "个人信息保护负责人及联系方式：{contact}",
        "purposes_h": "二、处理目的、方式、种类和保存期限",
        "methods": "本公司以收集、存储、使用、加工、传输、提供的方式处理您的个人信息，"
        "全部资料保存在本公司办公电脑上经加密的数据库中，仅由经授权的工作人员按岗位权限访问。",
        "basis": "法律依据",
        "categories": "个人信息种类",
        "retention": "保存期限",
        "years": "{n}年",
        "during": "业务关系存续期间",
        "during_consent": "业务关系存续期间，至您撤回同意时止",
        "after_end": "业务关系终止后，法律要求保存的信息自业务关系终止当年的会计年度终了后第一天起保存：{rules}",
        "kept_years": "{cats}{n}年（{rule}）",
        "kept_permanent": "{cats}永久（{rule}）",
        "rest_erased": "其余信息在业务关系终止后封存资料时删除",
        "all_erased": "业务关系终止后封存资料时删除（法律未要求保存）",
        "withdraw_erased": "撤回同意后，其他处理目的不再需要的信息予以删除",
        "necessary": "提供服务所必需",
        "optional": "可选，您可以拒绝，不影响本公司提供其他服务",
        "recipients": "向第三方提供",
        "recipient": "{name}（联系方式：{contact}；提供目的：{purpose}；提供方式：{method}；提供的个人信息：{cats}）",
        "sensitive_h": "三、敏感个人信息的必要性及对您的影响",
        "sensitive_intro": "以下信息属于敏感个人信息，一旦泄露或者被非法使用，容易导致您的人格尊严受到侵害"
        "或者人身、财产安全受到危害。本公司仅在下列必要范围内处理，并采取加密存储、按岗位授权访问、"
        "查看和导出留有记录等措施：",
        "why": "必要性",
        "effect": "对您的影响",
        "consent": "您的同意",
        "contract": "订立、履行委托合同所必需",
        "legal_obligation": "履行法定职责或法定义务所必需",
        "rights_h": "四、您的权利及行使方式",
        "rights": [
            "您有权查阅、复制您的个人信息（第四十五条第一款）。",
            "符合国家网信部门规定条件的，您有权请求将您的个人信息转移至您指定的个人信息处理者（第四十五条第三款）。",
            "您发现个人信息不准确或者不完整的，有权请求更正、补充（第四十六条）。",
            "处理目的已实现或者为实现处理目的不再必要、本公司停止提供服务或者保存期限已届满、您撤回同意、"
            "本公司违反法律或者约定处理的，您有权请求删除（第四十七条第一款）。",
            "法律、行政法规规定的保存期限未届满，或者删除个人信息从技术上难以实现的，本公司停止除存储和采取必要的"
            "安全保护措施之外的处理（第四十七条第二款）。",
            "您有权限制或者拒绝本公司对您个人信息的处理，法律、行政法规另有规定的除外（第四十四条）。",
            "您有权随时撤回同意；撤回不影响撤回前基于同意已进行的处理（第十五条）。",
            "您有权要求本公司对个人信息处理规则进行解释说明（第四十八条）。",
            "自然人死亡的，其近亲属为了自身的合法、正当利益，可以对死者的相关个人信息行使上述查阅、复制、更正、"
            "删除等权利，死者生前另有安排的除外（第四十九条）。",
        ],
        "rights_how": "请通过第一部分所列联系方式提出请求。本公司在核验身份后，于收到请求之日起{days}个工作日内答复；"
        "拒绝请求的，说明理由（第五十条）。",
        "complaint_h": "五、投诉渠道",
        "complaint": "如对本公司的处理有异议，可向本公司投诉：{channel}；"
        "也可以向履行个人信息保护职责的部门投诉、举报。",
        "choices_h": "六、您的选择",
        "choices_intro": "必需的处理依据合同或法律进行，无需勾选。"
        "以下事项请您逐项自主选择，勾选表示同意，未勾选表示不同意：",
        "tick_purpose": "我同意本公司为“{name}”目的处理我的个人信息。",
        "tick_sensitive": "【单独同意·敏感个人信息】我同意本公司为“{name}”目的处理以下敏感个人信息：{cats}。"
        "第三部分已告知处理上述信息的必要性及对我的影响。",
        "tick_third": "【单独同意·向第三方提供】我同意本公司为“{name}”目的向{recipients}提供第二部分所列的个人信息。",
        "no_choices": "本告知同意书所列处理均为提供服务所必需，无需另行勾选。",
        "sign_h": "七、签署",
        "sign_intro": "本人已阅读并理解上述告知内容。",
        "signer": "个人信息主体（或其监护人、授权代表）",
        "staff": "本公司经办人",
        "return": "请将签署后的本联交回本公司。编号与二维码仅用于将本告知同意书与您的记录对应，不含个人信息。",
        "keep": "本联由签署人留存，与公司留存联内容相同。"
        "编号与二维码仅用于将本告知同意书与您的记录对应，不含个人信息。",
        "copy_firm": "第一联　公司留存联",
        "copy_person": "第二联　个人留存联",
        "colon": "：",
        "sep": "、",
        "batch": "告知同意书（批量）",
    },
    "en": {
        "title": "Notice and consent: personal information",
        "subtitle": "Under Articles 14, 17, 23, 29 and 30 of the Personal Information Protection Law of the PRC",
        "form_no": "Form number",
        "issued": "Issued on",
        "client": "Client",
        "code": "Unified social credit code",
        "person": "Signed by",
        "blank": "",
        "who_h": "1. Who processes your personal information",
        "who": "{name} (\u201cthe firm\u201d). Address: {address}; telephone: {phone}; e-mail: {email}.",
        "officer": "Person responsible for personal-information protection and contact: {contact}",
        "purposes_h": "2. Purposes, methods, categories and retention",
        "methods": "The firm collects, stores, uses, processes, transmits and provides your personal information. "
        "All records are kept in an encrypted database on the firm's office computers and are accessed only "
        "by authorised staff as their role requires.",
        "basis": "Legal basis",
        "categories": "Categories of information",
        "retention": "Kept for",
        "years": "{n} years",
        "during": "while the engagement lasts",
        "during_consent": "while the engagement lasts, until you withdraw your consent",
        "after_end": "after the engagement ends, what the law requires is kept, counted from the first day after the "
        "end of the accounting year in which the engagement ended: {rules}",
        "kept_years": "{cats}: {n} years ({rule})",
        "kept_permanent": "{cats}: permanently ({rule})",
        "rest_erased": "everything else is erased when the record is sealed after the engagement ends",
        "all_erased": "erased when the record is sealed after the engagement ends (no law requires keeping it)",
        "withdraw_erased": "after a withdrawal, what no other purpose needs is erased",
        "necessary": "necessary for the service",
        "optional": "optional; you may refuse without losing any other service",
        "recipients": "Provided to third parties",
        "recipient": "{name} (contact: {contact}; purpose: {purpose}; method: {method}; information provided: {cats})",
        "sensitive_h": "3. Sensitive personal information: why it is needed and how it affects you",
        "sensitive_intro": "The following is sensitive personal information: if leaked or misused it can easily harm "
        "your dignity or the safety of your person or property. The firm processes it only as far as necessary "
        "for the following, keeps it encrypted, lets staff see it only as their role requires and logs every "
        "view and export:",
        "why": "Why it is needed",
        "effect": "How it affects you",
        "consent": "your consent",
        "contract": "necessary to conclude or perform the engagement contract",
        "legal_obligation": "necessary to fulfil a legal obligation",
        "rights_h": "4. Your rights and how to use them",
        "rights": [
            "You may access and copy your personal information (Art 45 para 1).",
            "Where the conditions set by the national cyberspace authority are met, you may ask for your personal "
            "information to be transferred to a processor you name (Art 45 para 3).",
            "You may ask for inaccurate or incomplete information to be corrected or completed (Art 46).",
            "You may ask for erasure when the purpose has been achieved or is no longer needed, the firm stops its "
            "service or the retention period has ended, you withdraw your consent, or the firm processed "
            "unlawfully or against the agreement (Art 47 para 1).",
            "Where a retention period set by law has not ended, or erasure is technically hard to achieve, the firm "
            "stops all processing except storage and the necessary security measures (Art 47 para 2).",
            "You may restrict or refuse the firm's processing of your personal information, unless laws or "
            "administrative regulations provide otherwise (Art 44).",
            "You may withdraw your consent at any time; this does not affect processing already carried out on "
            "the basis of the consent (Art 15).",
            "You may ask the firm to explain its processing rules (Art 48).",
            "When a person dies, the close relatives may, for their own lawful and legitimate interests, exercise "
            "the rights of access, copying, correction and erasure over the deceased's information, unless the "
            "deceased arranged otherwise (Art 49).",
        ],
        "rights_how": "Use the contact details in part 1. After checking your identity the firm answers within "
        "{days} working days of receiving the request, and gives its reasons if it refuses (Art 50).",
        "complaint_h": "5. Complaints",
        "complaint": "You may complain to the firm: {channel}; you may also complain to or report to the "
        "authorities responsible for personal-information protection.",
        "choices_h": "6. Your choices",
        "choices_intro": "Necessary processing rests on the contract or the law and needs no tick. Decide on each "
        "item below: a tick means you agree, no tick means you do not:",
        "tick_purpose": "I agree that the firm processes my personal information for \u201c{name}\u201d.",
        "tick_sensitive": "[Separate consent: sensitive personal information] I agree that the firm processes "
        "the following sensitive personal information for \u201c{name}\u201d: {cats}. Part 3 told me why it is "
        "necessary and how it affects me.",
        "tick_third": "[Separate consent: provision to third parties] I agree that the firm provides my relevant "
        "personal information listed in part 2 to {recipients} for \u201c{name}\u201d.",
        "no_choices": "Every processing listed on this form is necessary for the service; nothing to tick.",
        "sign_h": "7. Signatures",
        "sign_intro": "I have read and understood this notice.",
        "signer": "Data subject (or guardian or authorised representative)",
        "staff": "For the firm",
        "return": "Please return this signed copy to the firm. The form number and QR code only link this paper "
        "to your record; they contain no personal information.",
        "keep": "This copy is yours to keep; it is identical to the firm's copy. The form number and QR code only "
        "link this paper to your record; they contain no personal information.",
        "copy_firm": "Copy 1: the firm's copy",
        "copy_person": "Copy 2: your copy",
        "colon": ": ",
        "sep": ", ",
        "batch": "Consent forms (batch)",
    },
}

CATEGORY_NAMES: dict[str, dict[str, str]] = {
    "zh": {
        "identity": "身份信息（姓名、名称、统一社会信用代码、纳税人识别号）",
        "contact": "联系方式（电话、电子邮箱、地址）",
        "id_document": "身份证件号码",
        "bank": "银行账户",
        "credentials": "电子税务局及社保系统登录信息",
        "salary": "工资薪金",
        "income_tax": "个人所得税",
        "social_insurance": "社会保险",
        "housing_fund": "住房公积金",
    },
    "en": {
        "identity": "identity (names, unified social credit code, taxpayer identification number)",
        "contact": "contact details (phone, e-mail, address)",
        "id_document": "identity document numbers",
        "bank": "bank accounts",
        "credentials": "tax-bureau and social-insurance logins",
        "salary": "salary",
        "income_tax": "individual income tax",
        "social_insurance": "social insurance",
        "housing_fund": "housing fund",
    },
}

#: Art 30: for each sensitive category, why the firm needs it and how processing it affects the person.
SENSITIVE_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "zh": {
        "id_document": (
            "办理税务登记、纳税申报、社会保险和住房公积金登记、银行开户等事项时，税务机关、社会保险经办机构和银行"
            "依照实名制规定要求填报并核验身份证件号码。",
            "证件号码泄露后可能被冒用办理业务或者用于诈骗；"
            "本公司在屏幕和导出文件中默认遮蔽，仅在办理上述事项时由经办人员查看完整号码。",
        ),
        "bank": (
            "代发工资、缴纳税款和社会保险费、对账以及办理银行账户业务时需要银行账户信息。",
            "账户信息泄露可能导致财产损失或者遭受诈骗；本公司不收集银行卡密码和支付验证码。",
        ),
        "credentials": (
            "代为登录电子税务局和社会保险网上服务平台办理申报、缴费和查询。",
            "持有登录信息即可以相关单位或者个人的名义办理业务、查看涉税和社保信息；本公司仅由经办人员使用，"
            "业务关系终止后封存资料时删除，建议您届时修改密码。",
        ),
        "salary": (
            "计算工资、代扣代缴个人所得税、申报社会保险和住房公积金缴费基数。",
            "收入信息泄露可能使您遭受歧视、骚扰或者诈骗。",
        ),
        "income_tax": (
            "依照《中华人民共和国个人所得税法》代扣代缴个人所得税并办理申报。",
            "纳税信息泄露可能暴露您的收入和财产状况。",
        ),
        "social_insurance": (
            "为员工办理社会保险参保登记、增减员和缴费。",
            "参保信息泄露可能暴露您的就业、收入和健康保障状况。",
        ),
        "housing_fund": (
            "为员工办理住房公积金开户、增减员和缴存。",
            "缴存信息泄露可能暴露您的收入和财产状况。",
        ),
    },
    "en": {
        "id_document": (
            "The tax authority, the social-insurance agency and banks require the ID number under real-name rules "
            "for tax registration and filing, social-insurance and housing-fund registration and opening accounts.",
            "A leaked ID number can be used to impersonate you or to defraud you; the firm masks it on screen and in "
            "exports, and staff see the full number only to carry out these tasks.",
        ),
        "bank": (
            "Paying salaries, taxes and contributions, reconciling accounts and handling bank-account business "
            "need the account details.",
            "Leaked account details can lead to financial loss or fraud; the firm never collects card PINs or "
            "payment verification codes.",
        ),
        "credentials": (
            "The firm logs in to the electronic tax bureau and the social-insurance platform to file, pay and "
            "look up on your behalf.",
            "Whoever holds the login can act in the name of the company or person and see their tax and "
            "social-insurance data; only the staff doing the work use it, it is erased when the record is sealed "
            "after the engagement ends, and you should then change the password.",
        ),
        "salary": (
            "Calculating salaries, withholding individual income tax and declaring the contribution base.",
            "Leaked income information can expose you to discrimination, harassment or fraud.",
        ),
        "income_tax": (
            "Withholding and filing individual income tax as the Individual Income Tax Law requires.",
            "Leaked tax information can reveal your income and property.",
        ),
        "social_insurance": (
            "Registering employees for social insurance, changes and contributions.",
            "Leaked insurance information can reveal your employment, income and cover.",
        ),
        "housing_fund": (
            "Opening housing-fund accounts for employees, changes and contributions.",
            "Leaked housing-fund information can reveal your income and property.",
        ),
    },
}
