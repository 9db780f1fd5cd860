/**
 * The messages of the litigation wing: refusals of lawsuits, pleadings, hearings and judgments,
 * and the lawsuit lifecycle's words (src/core/i18n). States and codes stay as given.
 */
import { defineMessages } from '../core/i18n/messages';

export const LITIGATION = defineMessages('litigation', {
  lawsuitNotFound: { ar: 'لم يُعثر على الدعوى.', en: 'The lawsuit was not found.' },
  hearingNotFound: { ar: 'لم يُعثر على الجلسة.', en: 'The hearing was not found.' },
  courtNotFound: { ar: 'لم يُعثر على المحكمة.', en: 'The court was not found.' },
  // Lawsuit lifecycle
  noHearingInState: { ar: 'لا تُحدَّد جلسة لدعوى في الحالة {from}.', en: 'A {from} lawsuit cannot be given a hearing.' },
  memoNotInState: {
    ar: 'تُقدَّم المذكرات أثناء نظر الدعوى في الجلسات، لا في الحالة {from}.',
    en: 'Memos are filed while the case is in hearings, not when {from}.',
  },
  noWaiverInState: { ar: 'لا يجوز ترك دعوى في الحالة {from}.', en: 'A {from} claim cannot be waived.' },
  judgmentNeedsHearing: { ar: 'لا يصدر الحكم إلا بعد عقد جلسة.', en: 'A judgment needs a held hearing first.' },
  noObjectionInState: { ar: 'لا يجوز الاعتراض على دعوى في الحالة {from}.', en: 'A {from} lawsuit cannot be objected to.' },
  noServiceInState: {
    ar: 'لا يُبلَّغ أطراف دعوى في الحالة {from} بحكم.',
    en: 'No party of a {from} lawsuit is served with a judgment.',
  },
  noAppealInState: { ar: 'لا يوجد استئناف منظور في دعوى في الحالة {from}.', en: 'A {from} lawsuit has no pending appeal.' },
  objectedAlready: {
    ar: 'اعترض هذا الطرف على الحكم من قبل؛ لكل طرف اعتراض واحد.',
    en: 'This party has objected to the judgment already; each party objects once.',
  },
  acceptedAlready: {
    ar: 'قنع هذا الطرف بالحكم، فلا اعتراض له عليه.',
    en: 'This party has accepted the judgment and may no longer object to it.',
  },
  windowsStillOpen: {
    ar: 'يُفصل في الاعتراضات معًا بعد أن تنقضي مهلة كل طرف أو يعترض؛ ولا تزال مهلة طرف قائمة.',
    en: "The objections are decided together once every party has objected or let its window pass; a party's window is still open.",
  },
  noPendingAppeal: { ar: 'لا يوجد استئناف منظور في هذه الدعوى.', en: 'The lawsuit has no pending appeal.' },
  resumedOnce: { ar: 'لا يُسير في الدعوى المشطوبة إلا مرة واحدة.', en: 'A struck-off case is resumed only once.' },
  noticeNotInState: {
    ar: 'تُرسل المحكمة التبليغات في دعوى مقيدة غير منتهية، لا في دعوى في الحالة {from}.',
    en: 'The court sends notices in a registered case that is not closed, not in a {from} one.',
  },
  noticeUnregistered: {
    ar: 'تُرسل المحكمة التبليغات في دعوى مقيدة غير منتهية، لا في دعوى غير مقيدة.',
    en: 'The court sends notices in a registered case that is not closed, not in an unregistered one.',
  },
  noWaiverAwaiting: { ar: 'لا يوجد طلب ترك دعوى بانتظار الرد.', en: 'There is no waiver awaiting an answer.' },
  // Pleadings
  defenceByDefendant: { ar: 'لا يقدّم المذكرة الجوابية إلا المدعى عليه.', en: 'Only a defendant files a statement of defence.' },
  defenceBeforeFirstHearing: {
    ar: 'تُقدَّم المذكرة الجوابية قبل الجلسة الأولى فقط.',
    en: 'A statement of defence is filed only before the first hearing.',
  },
  defenceFiled: { ar: 'سبق تقديم مذكرة جوابية.', en: 'a statement of defence was already filed' },
  waivedOnce: { ar: 'سبق ترك الدعوى مرة.', en: 'the claim was already waived once' },
  waiverDayBefore: {
    ar: 'يكون ترك الدعوى قبل الجلسة التالية بيوم على الأقل.',
    en: 'The claim is waived at least a day before the next hearing.',
  },
  waiverByClaimant: { ar: 'لا يترك الدعوى إلا المدعي أو وكيله.', en: 'Only a claimant, or their agent, waives the claim.' },
  waiverAnsweredByDefendant: { ar: 'لا يرد على طلب ترك الدعوى إلا المدعى عليه.', en: 'Only a defendant answers a waiver.' },
  pleadingsByParty: { ar: 'لا يقدّم المذكرات إلا أحد الأطراف أو وكيله.', en: 'Only a party, or their agent, files pleadings.' },
  // Judgments
  objectionByParty: { ar: 'لا يعترض إلا أحد الأطراف أو وكيله.', en: 'Only a party, or their agent, may object.' },
  objectionClosed: { ar: 'انتهت مهلة الاعتراض في {deadline}.', en: 'The objection window closed on {deadline}.' },
  amendedAmountRequired: { ar: 'المبلغ المعدَّل مطلوب عند تعديل الحكم.', en: 'is required to amend' },
  notAParty: { ar: 'ليس طرفًا في هذه الدعوى.', en: 'is not a party to this lawsuit' },
  servedInFuture: { ar: 'تاريخ التبليغ في المستقبل.', en: 'is in the future' },
  servedBeforeJudgment: { ar: 'تاريخ التبليغ سابق لصدور الحكم.', en: 'is before the judgment was issued' },
  servedAlready: { ar: 'سبق تبليغ هذا الطرف، ويُعتدّ بالتبليغ الأول.', en: 'was served already; the first service stands' },
  executionByParty: { ar: 'لا يطلب التنفيذ إلا أحد الأطراف أو وكيله.', en: 'Only a party, or their agent, may request execution.' },
  noAppealCourt: { ar: 'لا توجد محكمة استئناف مهيأة.', en: 'no appeal court is configured' },
  // Lawsuits
  day: { ar: 'يجب أن يكون تاريخًا بالصيغة YYYY-MM-DD.', en: 'must be a date, YYYY-MM-DD' },
  notAHearingOfLawsuit: { ar: 'ليست جلسة من جلسات هذه الدعوى.', en: 'is not a hearing of this lawsuit' },
  claimantNotAbsent: {
    ar: 'لم يُثبت محضر هذه الجلسة غياب المدعي.',
    en: 'the minutes of this hearing do not record the claimant absent',
  },
  resumptionClosed: { ar: 'كان السير في الدعوى ممكنًا حتى {deadline}.', en: 'Resumption was possible until {deadline}.' },
  notCorrectable: { ar: 'لا تُعدَّل دعوى في الحالة {state}.', en: 'a {state} lawsuit cannot be corrected' },
  criminalCategoryFixed: { ar: 'لا يجوز تغيير التصنيف من الجزائي أو إليه.', en: 'cannot change to or from CRIMINAL' },
  reasonToReturn: { ar: 'السبب مطلوب لإعادة صحيفة الدعوى للتعديل.', en: 'is required to return a filing' },
  reasonToReject: { ar: 'السبب مطلوب لرفض قيد صحيفة الدعوى.', en: 'is required to reject a filing' },
  fieldsToReturnOnly: { ar: 'تُذكر الأجزاء المطلوب تعديلها عند إعادة الصحيفة فقط.', en: 'are named only to return a filing' },
  notAPartyOfFiling: { ar: 'ليس طرفًا في هذه الصحيفة من الجهة نفسها.', en: 'is not a party of this filing on this side' },
  noCircuitToRefer: {
    ar: 'ليس في المحكمة دائرة {specialization} عاملة تُحال إليها الدعوى.',
    en: 'the court has no active {specialization} circuit to refer the case to',
  },
  personNeedsNationalId: { ar: 'رقم الهوية مطلوب للشخص الطبيعي.', en: 'is required for a person' },
  organizationNeedsNumber: { ar: 'الرقم مطلوب للجهة.', en: 'is required for an organization' },
  alsoClaimant: { ar: 'مذكور مدعيًا أيضًا.', en: 'is also a claimant' },
  prosecutionOfficeRequired: { ar: 'جهة النيابة مطلوبة في الدعوى الجزائية.', en: 'is required for a criminal case' },
  criminalOnly: { ar: 'يخص الدعاوى الجزائية فقط.', en: 'applies to criminal cases only' },
  forOthersOnly: { ar: 'يُذكر فقط عند رفع الدعوى عن الغير.', en: 'applies only when filing for others' },
  filerOrPoa: {
    ar: 'يجب أن يكون رافع الدعوى من المدعين، أو أن يذكر الوكالة التي يرفعها بموجبها.',
    en: 'must include the filer, or name the power of attorney you file under',
  },
  clientIsPerson: { ar: 'الموكِّل بموجب وكالة شخص طبيعي.', en: 'a client under a power of attorney is a person' },
  noSuchCourt: { ar: 'لا توجد محكمة بهذا المعرّف.', en: 'no such court' },
  courtDoesNotHear: { ar: 'لا تنظر هذه المحكمة دعاوى التصنيف {category}.', en: 'this court does not hear {category} cases' },
  courtOrCity: { ar: 'اذكر المحكمة أو المدينة.', en: 'give a court or a city' },
  noCourtInCity: { ar: 'لا توجد في هذه المدينة محكمة تنظر دعاوى التصنيف {category}.', en: 'no court in this city hears {category} cases' },
  organizationNumberFormat: {
    ar: 'يجب أن يتكون رقم الجهة من 5 إلى 20 محرفًا من الأرقام أو الحروف اللاتينية الكبيرة أو الشرطات.',
    en: 'organizationNumber must be 5 to 20 digits, capitals or dashes',
  },
  contentTypeFormat: { ar: 'يجب أن يكون نوع المحتوى من أنواع MIME.', en: 'contentType must be a MIME type' },
  sha256Format: { ar: 'يجب أن تتكون البصمة من 64 محرفًا ست عشريًا صغيرًا.', en: 'sha256 must be 64 lowercase hex digits' },
  partyIdsNotEmpty: {
    ar: 'اذكر طرفًا واحدًا على الأقل، أو احذف الحقل لتبليغ جميع الأطراف.',
    en: 'partyIds names at least one party; leave it out for every party',
  },
  // Hearings
  notRegisteredWithCircuit: { ar: 'لم تُقيَّد الدعوى لدى دائرة بعد.', en: 'the lawsuit is not registered with a circuit yet' },
  roomRequired: { ar: 'القاعة مطلوبة للجلسة الحضورية.', en: 'is required for an in-person hearing' },
  linkRequired: { ar: 'رابط الاجتماع مطلوب للجلسة المرئية.', en: 'is required for a remote hearing' },
  hearingNotStarted: { ar: 'لم تبدأ الجلسة بعد.', en: 'the hearing has not started yet' },
  notRemote: { ar: 'ليست جلسة مرئية.', en: 'is not a remote hearing' },
  hearingInState: { ar: 'الجلسة في الحالة {state}.', en: 'the hearing is {state}' },
  registrationOpensAt: {
    ar: 'يبدأ تسجيل الحضور في {opensAt}، قبل الجلسة بخمس عشرة دقيقة.',
    en: 'registration opens at {opensAt}, 15 minutes before the hearing',
  },
  attendanceByParty: { ar: 'لا يسجّل الحضور إلا أحد الأطراف أو وكيله.', en: 'Only a party, or their agent, may register attendance.' },
  mustBeFuture: { ar: 'يجب أن يكون في المستقبل.', en: 'must be in the future' },
  outsideCalendar: {
    ar: 'خارج تقويم العمل في المحكمة ({problem}).',
    en: "is outside the court's working calendar ({problem})",
  },
  notACircuitJudge: { ar: 'ليس قاضيًا في الدائرة.', en: 'is not a judge of the circuit' },
  hearingConflictAt: {
    ar: 'لدى الدائرة أو القاضي أو القاعة جلسة في هذا الوقت؛ أقرب موعد متاح {nextFreeSlot}.',
    en: 'The circuit, the judge or the courtroom already has a hearing then; the next free slot is {nextFreeSlot}.',
  },
  hearingConflictNone: {
    ar: 'لدى الدائرة أو القاضي أو القاعة جلسة في هذا الوقت، ولا يوجد موعد متاح خلال الستين يومًا القادمة.',
    en: 'The circuit, the judge or the courtroom already has a hearing then, and has no free slot in the next 60 days.',
  },
  fromDay: { ar: 'يجب أن يكون تاريخ البداية بالصيغة YYYY-MM-DD.', en: 'from must be YYYY-MM-DD' },
  toDay: { ar: 'يجب أن يكون تاريخ النهاية بالصيغة YYYY-MM-DD.', en: 'to must be YYYY-MM-DD' },
  noFulfilmentInState: {
    ar: 'لا يُقرّ بتمام التنفيذ إلا بعد طلبه، والدعوى في الحالة {from}.',
    en: 'Fulfilment is acknowledged once execution was requested; this lawsuit is {from}.',
  },
  waiverAnswerClosed: {
    ar: 'يُجاب عن ترك الدعوى قبل الجلسة التالية، وقد بدأت في {deadline}؛ سقط الترك وتستمر الدعوى.',
    en: 'A waiver is answered before the next hearing, which began at {deadline}; the waiver lapsed and the case goes on.',
  },
  noTransferInState: {
    ar: 'تُحال الدعوى إلى محكمة أو دائرة أخرى قبل الحكم فيها، لا وهي في الحالة {from}.',
    en: 'A case is transferred to another court or circuit before judgment, not while it is {from}.',
  },
  transferNowhere: { ar: 'الدعوى منظورة لدى هذه الدائرة أصلًا.', en: 'is where the case already is' },
  notACircuitOfCourt: {
    ar: 'ليست دائرة قائمة في تلك المحكمة تنظر هذا النوع من الدعاوى.',
    en: 'is not an active circuit of that court for this kind of case',
  },
  noSealInState: {
    ar: 'تختم المحكمة الدعوى بالسرية أو ترفعها عنها بعد قيدها، لا وهي في الحالة {from}.',
    en: 'The court seals or unseals a case once it is registered, not while it is {from}.',
  },
  sealedAlready: { ar: 'الدعوى سرية من قبل.', en: 'The case is sealed already.' },
  notSealed: { ar: 'الدعوى ليست سرية.', en: 'The case is not sealed.' },
  receiptNotSubmitted: {
    ar: 'لا يصدر إيصال القيد إلا لدعوى مقدَّمة، وهذه في الحالة {from}.',
    en: 'A filing receipt is issued only for a submitted lawsuit; this one is {from}.',
  },
  minutesNotHeld: {
    ar: 'لا يصدر محضر إلا لجلسة عُقدت، وهذه الجلسة في الحالة {from}.',
    en: 'Minutes are issued only for a held hearing; this one is {from}.',
  },
  minutesCaseOver: {
    ar: 'تُسجَّل محاضر الجلسات أثناء نظر الدعوى، لا وهي في الحالة {state}.',
    en: 'Minutes are recorded while the case is in hearings, not when it is {state}.',
  },
  dayShort: { ar: 'يجب أن يكون التاريخ بالصيغة YYYY-MM-DD.', en: 'must be YYYY-MM-DD' },
  // Representation
  appearanceByLawyer: { ar: 'لا يحضر عن الأطراف إلا محامٍ مرخص.', en: 'Only a licensed lawyer enters an appearance for a party.' },
  appearanceForPerson: {
    ar: 'يحضر المحامي عن طرف من الأفراد بوكالته؛ وتمثيل الجهات عن طريق ممثليها المسجلين.',
    en: 'is not a person the lawyer can hold a power of attorney from',
  },
  appearanceAlready: { ar: 'أنت ممثل هذا الطرف من قبل.', en: 'You already represent this party.' },
  appearanceInState: {
    ar: 'يحضر المحامي في الدعوى بعد تقديمها وقبل انتهائها، لا وهي في الحالة {from}.',
    en: 'A lawyer enters an appearance once a case is submitted and before it ends, not while it is {from}.',
  },
  notAPartyOfLawsuit: { ar: 'ليس طرفًا في هذه الدعوى.', en: 'is not a party of this lawsuit' },
  noRepresentative: { ar: 'لا ممثل لهذا الطرف.', en: 'This party has no representative.' },
  representationNotYours: {
    ar: 'ينهي التمثيلَ الممثلُ نفسه أو الطرف الذي يمثله.',
    en: 'A representation is ended by the representative or by the party represented.',
  },
  notAnOrganization: { ar: 'ليس جهة؛ يمثل الأفراد وكلاؤهم.', en: 'is not an organization; persons are represented by their agents' },
  noSuchAccount: { ar: 'لا حساب نشطًا بهذا الرقم.', en: 'has no active account' },
  notALawyer: { ar: 'ليس محاميًا مرخصًا.', en: 'is not a licensed lawyer' },
  // Settlement
  settlementConsentedAlready: { ar: 'وافق هذا الطرف على الصلح من قبل.', en: 'This party has consented to the settlement already.' },
  settlementNotConsented: {
    ar: 'لا يعتمد القاضي الصلح حتى يوافق عليه جميع الأطراف.',
    en: 'The judge approves a settlement only once every party has consented to it.',
  },
  deedNotApproved: {
    ar: 'لا يصدر صك الصلح إلا لصلح اعتمده القاضي، وهذا في الحالة {from}.',
    en: 'A settlement deed is issued only for a settlement the judge approved; this one is {from}.',
  },
  settlementNotFound: { ar: 'لم يُعثر على الصلح.', en: 'Settlement not found.' },
  settlementNotYours: { ar: 'لا تملك الموافقة على الصلح عن أي طرف في الدعوى.', en: 'You may not consent for any party of this case.' },
  settlementTerms: { ar: 'يجب أن تكون شروط الصلح بين 10 و10000 حرف.', en: 'must be 10 to 10,000 characters' },
  instalmentsSum: { ar: 'يجب أن يساوي مجموع الأقساط مبلغ الصلح.', en: 'must add up to the settlement amount' },
  instalmentsWithoutAmount: { ar: 'لا أقساط لصلح لا مبلغ فيه.', en: 'need a settlement amount' },
  instalmentsOrder: {
    ar: 'يجب أن تكون مواعيد الأقساط متتابعة ولا تسبق اليوم.',
    en: 'must be in order of date, none before today',
  },
});
