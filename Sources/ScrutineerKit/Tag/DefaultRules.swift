/// The rules Scrutineer ships with. `scrutineer rules show` prints them; copy them to a
/// file, edit, and pass it with `--rules FILE` (adding to these) or with
/// `--rules FILE --no-default-rules` (instead of these).
enum DefaultRules {
  static let text = #"""
    # Scrutineer default rules.
    #
    # A theme is given to an item when one of its rules matches and no 'unless' rule does.
    # Words match whole words after folding (case, curly quotes, hyphens, plurals and
    # possessives do not matter); 'refer*' matches any word starting with 'refer'.
    # Operators: a | b (either), a & b (both in the item), not a, a near/N b (within N
    # words), a except b (occurrences of a that are not part of b). [in KIND, …] limits a
    # rule to segment kinds; [min N] needs N occurrences.

    theme front-door
      label: Front door
      description: How contacts and referrals are received, screened and decided: MASH, triage, first decisions, re-referrals.
      rule door: "front door" | mash | "multi agency safeguarding hub" | "safeguarding hub" | "first response"
        | "single point of contact" | "integrated front door" | "advice and support service" | "duty and advice"
        | "contact centre" | "initial response team*" | "referral and assessment team*"
      rule contacts: "contact* and referral*" | "referral* and contact*" | "new contact*" | "re referral*" | rereferral*
      rule screening: (screen* | triag*) near/8 (contact* | referral* | notification* | decision* | concern* | "front door"
          | risk* | need*)
      # Gathering information and agency checks are front-door steps only where contacts or referrals are in view;
      # "over-long periods of information-gathering and assessment" is about assessment.
      rule triage: triag* | "screening team*" | "screening process*" | screened | "agency checks"
        | "information gathering" near/10 (contact* | referral* | mash | screen* | "front door")
      rule referrals: "point of referral" | "point of contact" | "referral* to children* social care" | "referral* to social care"
        | "referral practice*" | "referral pathway*" | "referral process*" | "referral route*" | "referral arrangement*"
      rule decisions: ("initial decision*" | "first decision*" | "decision* about next step*" | "next step*")
        near/10 (contact* | referral* | "front door")

    theme thresholds
      label: Thresholds
      description: Whether the levels of need for help and protection are understood and applied, including decisions to step cases up or down.
      # Other services' access criteria are not social-care thresholds ("a high threshold for access to CAMHS").
      # "Children at the statutory threshold" names a level children are at, like "children in need"; it counts only
      # when the threshold is itself discussed (applied, understood, consistent).
      rule threshold: threshold* except (threshold* near/10 (camhs | "mental health" | housing | "adult social care" | specialist
          | "secure accommodation" | "youth offending" | "court")
        | "statutory threshold*" except ("statutory threshold*" near/4 (appl* | understand* | consisten* | appropriate*)))
      # "Their assessed level of need" describes one child; levels of need as a framework, and moving between
      # levels of intervention or disputing the level of support, are the threshold subject.
      rule levels: "level* of need" except ((assessed | their | his | her | "child*") near/1 "level* of need")
        | "right help right time" | "right help at the right time" | "right service right time" | "continuum of need"
        | "windscreen of need" | "thresholds document" | "threshold guidance" | "level* of intervention*"
        | "level* of support" near/6 (disagree* | dispute* | escalat* | step* | between)
      # Escalating concerns (professional challenge) is not a threshold decision, so escalation is not a cue here.
      # Stepping down from pre-proceedings is a legal planning decision (court-proceedings), not a level of need.
      rule stepping: ("step* up" | "step* down" | "stepped up" | "stepped down")
        except (("step* up" | "step* down" | "stepped up" | "stepped down") near/8 proceedings)
      # Moving children between child in need and child protection plans is moving between levels of intervention.
      rule moving: (transition* | moving | move* | movement*) near/8 ("child in need and child protection" | "child protection and child in need"
        | "children in need and child protection" | "levels of need" | "levels of intervention")
      # In an item about data, "the number of children stepping down" names what is counted, not the decisions.
      unless: (data | "performance information") & ("number* of" | proportion) near/4 ("step* down" | "step* up" | "stepped down")
        & not (threshold* | "level* of need")
      # When an item is about a mental health service's threshold, later mentions ("when the threshold is met")
      # still mean that service's threshold, unless social-care thresholds are named too.
      unless: (threshold* near/10 (camhs | "mental health")) & not ("levels of need" | "threshold* document" | "social care threshold*"
        | "statutory threshold*" | "threshold* for intervention" | "threshold* for social care" | "right help right time")

    theme early-help
      label: Early help
      description: Help for families before statutory social work: the early help offer and assessments, family support, prevention, Think Family.
      rule offer: "early help" | "early intervention" | "troubled famil*" | "think family" | "supporting families"
        | "families first" | "early support" | "team around the family" | "common assessment framework"
        | "targeted family support" | "prevention service*" | "preventative service*" | "family hub*"
        | "early years" near/3 (support | service*)
      # Family support teams also work with children on child in need and child protection plans; there they are
      # statutory-level support, not early help.
      rule family-support: ("family support service*" | "family support worker*" | "family support team*")
        & not ("child protection plan*" | "child in need plan*" | "children in need plan*" | "child protection and child* in need plan*")
      rule lead-professional: "lead professional*"
      # "Oversight for the early help service, assessment teams and emergency duty team": early help named in a
      # list of service areas is a passing word.
      unless: "early help" near/8 ("assessment team*" | "emergency duty" | "duty team*")
      # In an item about data, "the number of children stepping down to early help" names what is counted.
      unless: (data | "performance information") & ("number* of" | proportion) near/8 "early help"
        & not ("early help" near/3 (offer | assessment* | quality | strategy | support | services))

    theme partner-attendance
      label: Partner attendance
      description: Whether police, health, schools and other agencies attend and contribute to conferences, core groups, strategy meetings and reviews.
      rule attend: (attend* | attendance | contribut* | participat* | "take part" | "took part" | represent* | present)
          except ("child* attend*" | "child* who attend*" | "young people attend*" | "young person attend*" | "parent* attend*"
            | "famil* attend*" | "carer* attend*" | "child* participat*" | "young people participat*" | "parent* participat*"
            | "attendance of children" | "attendance of young people" | "attendance of parent*")
        near/10 (conference* | "core group*" | "strategy meeting*" | "strategy discussion*" | "child in need meeting*"
          | "cin meeting*" | "review meeting*" | "professionals meeting*" | marac | "multi agency meeting*" | "network meeting*")
      # Reviews (of children in care, of children in need) count only when the ones attending are named partners
      # close by: "health and education professionals contribute to reviews", "school staff attend reviews".
      rule involve: ((involv* | engag* | contribut* | attend* | "working at" | "improve working")
          near/8 (conference* | "core group*" | "strategy meeting*" | "strategy discussion*" | "child in need meeting*" | review))
        near/12 (partner* | agenc* | police | health | school* | gp | gps | professional* | "multi agency" | education)
      # "Partners attend", "attendance by police", "key partners in attendance" in an item about these meetings.
      rule partners-attend: ((partner* | agenc* | police | health | school* | gp | gps | professional* | "multi agency" | multiagency
          | representative*) near/3 (attend | attends | attended | attending | attendance | "in attendance"))
        & (conference* | "core group*" | "strategy meeting*" | "strategy discussion*" | "child in need meeting*" | "cin meeting*"
          | "review meeting*" | "professionals meeting*" | marac | "multi agency meeting*" | "network meeting*")
      unless: "school attendance" | "attendance at school" | "attending school"

    theme multi-agency-working
      label: Multi-agency working
      description: How agencies work together: information sharing, the quality of partners' referrals, consent, joint work, the safeguarding partnership or board.
      # "Multi-agency" naming a service (the MASH, a multi-agency early help offer) is that service's theme.
      rule together: "multi agency" except ("multi agency safeguarding hub*" | "multi agency early help") | multiagency | "inter agency" | interagency | "partner agenc*" | "partner organisation*"
        | partnership* except ("across the partnership" | "family nurse partnership") | "joint work*" | "work* together" | "working with partner*" | "key agenc*" | "other agenc*"
        | "statutory partner*" | "partners understanding"
      # "The council and its partners", "across the partnership" and the family nurse partnership name who, not how
      # agencies work together.
      rule partners: partner* except ((her | his | their | its | mother* | father* | new | abusive | violent | "birth" | intimate
        | male | female) near/1 partner* | "across the partnership" | "family nurse partnership")
      # Sharing information with carers or families is not joint work between agencies.
      rule sharing: "information sharing" | "sharing of information" | consent
        | (share* near/3 information | "information is shared") near/10 (partner* | agenc* | police | health | school* | professional*)
        | "quality of referral*" | referrer* | "referring agenc*"
      rule board: "safeguarding board" | "safeguarding children board" | "safeguarding partnership" | "safeguarding children partnership"
        | lscb | bscb | lscp | "safeguarding arrangement*" | "safeguarding partner*" | "section 11" | "all agencies"
        | board near/4 (agenc* | partner* | safeguard* | statutory) | "escalation process*" | "escalation protocol*"
        | "joint planning" | "information held by" | "professional disagreement*"
      # Who attends conferences, core groups, strategy meetings and reviews is partner attendance; it is multi-agency
      # working in general only when the item also speaks of sharing information, joint work or the board.
      unless: ((attend* | attendance | involv*) near/15 (conference* | "core group*" | "strategy discussion*" | meeting* | review | reviews))
        & not (share* near/3 information | "information is shared" | "information sharing" | "sharing of information" | consent
          | "partnership work*" | "work* together" | "joint work*" | "cross partnership" | board | lscb | bscb | lscp | "safeguarding partner*"
          | "multi agency response" | "multiagency response" | "multi agency contribution" | "multiagency contribution" | "improve working")

    theme strategy-meetings
      label: Strategy meetings and enquiries
      description: Strategy meetings and discussions, section 47 and child protection enquiries, immediate protection.
      rule meetings: "strategy meeting*" | "strategy discussion*" | "section 47" | s47 | "s 47" | "child protection enquir*"
        | "child protection investigation*" | "joint investigation*" | "immediate protection" | "protection enquir*"

    theme assessment
      label: Assessment
      description: The quality, timeliness and analysis of assessments of children and families, including risk and pre-birth assessments.
      # Health, early help, age and self assessments belong to other themes; so do the assessments of prospective
      # adopters, which are part of the adoption process.
      # One "assessment" in passing ("used to inform assessments", "the assessment teams") is not the subject; two
      # mentions, or one with a word that judges it (quality, timeliness, depth) or says who takes part, make it one.
      rule assessments [min 2]: assessment* except ((health | "early help" | self | common | age | "return" | "needs" | "sufficiency") near/1 assess*
        | (adopter* | "prospective adopter*") near/4 assessment* | "assessment* team*" | "assessment service*"
        | "assessment and short term intervention" | "assessment and shortterm intervention" | "assessment and intervention team*"
        | "joint strategic needs assessment" | "self assessment*")
      rule judged: (assessment* except ((health | "early help" | self | common | age | "return" | "needs" | "sufficiency") near/1 assess*
          | (adopter* | "prospective adopter*") near/4 assessment* | "assessment* team*" | "assessment service*"
          | "assessment and short term intervention" | "assessment and shortterm intervention" | "assessment and intervention team*"
          | "joint strategic needs assessment" | "self assessment*"))
        near/4 (quality | timel* | thorough* | robust | comprehensive | analys* | analytical | detailed | descriptive | "up to date"
          | updated | complet* | strong* | weak* | poor* | good | effective* | variable | inconsistent* | holistic | depth | superficial
          | proportionate | explor* | "too many" | "longer than" | "take too long" | "assessment* of need" | "assessment* of risk"
          | "require* an assessment" | "need* an assessment" | "in place" | undertak*)
        | (delay* | "too long" | overdue | timescale* | drift | "over long") near/8 (assessment* except ("assessment* team*"
          | "assessment service*" | (health | "early help" | self | common | age | "needs") near/1 assess*))
        | "involved in assessment*" | "involvement in assessment*" | "contribut* to assessment*" | "involved in the assessment*"
      rule analysis: "analysis of risk" | "risk analysis" | "analyse risk" | "pre birth" | "parenting assessment*" | "single assessment*"
        | "child and family assessment*" | "analysis of need*"

    theme planning
      label: Plans and planning
      description: Child in need, child protection, safety, contingency and care plans: whether they are specific, measurable and reviewed.
      # "Plans are progressed" or "plans are in place" are passing; what is said about the plans themselves counts.
      rule smart: smart | "contingency plan*" | "contingency planning" | "contingency arrangement*" | "ensuring contingency" | "plans do not" | "plans did not" | "plans lack*" | "plans need"
      rule quality: ((plan | planning) except ("pathway plan*" | "improvement plan*" | "action plan*" | "permanence plan*"
          | "permanency plan*" | "plan* for adoption" | "adoption plan*" | "transition* plan*" | "business plan*" | "strategic plan*"
          | "education plan*" | "service plan*" | "pathway planning" | "workforce planning" | "legal planning"))
        near/3 (smart | specific | measurable | vague | generic | "adult focused" | "child focused" | "well considered" | drive | driven
          | improve | ineffective | "time bound" | "outcome focused" | "not clear" | unclear | "too general" | "very general"
          | quality | shape | "up to date" | contingenc*)
        | plans near/5 (weak | strong | poor | robust)
      rule plans [min 2]: (plan | planning) except ("pathway plan*" | "improvement plan*" | "business plan*" | "action plan*"
        | "strategic plan*" | "personal education plan*" | "sufficiency plan*" | "workforce plan*" | "permanence plan*"
        | "plan for permanence" | "transition* plan*" | "service plan*" | "development plan*" | "strategy and plan*" | "audit plan*"
        | "plan* for adoption" | "adoption plan*" | "early permanence" | "concurrent planning" | "legal planning" | "pathway planning"
        | "strategic planning" | "workforce planning" | "financial plan*" | "recovery plan*" | "education health and care plan*"
        | "permanency plan*" | "long term plan*")
      rule named: ("child in need plan*" | "children in need plan*" | "child protection plan*" | "cin plan*" | "cp plan*" | "safety plan*"
          | "contingency plan*" | "care plan*" | "child protection and child* in need plan*")
        except ((subject | "on a" | "on" | "who have" | "with a" | with | end | ending | ended | remov* | start | starting | ceas*
          | "came off" | "come off" | "second or subsequent" | "number* of") near/3 ("child protection plan*" | "child in need plan*"
          | "children in need plan*"))

    theme management-oversight
      label: Management oversight
      description: How managers oversee, direct and challenge casework and record their decisions.
      rule oversight: "management oversight" | "managerial oversight" | "management direction*" | "management grip"
        | "management decision*" | "managerial decision*" | "management challenge" | "manager* oversight"
      rule managers: (oversight | direction* | grip | challenge* | "decision* making" | decision* | scrutin* | "sign off" | "signed off" | authoris*)
        near/5 (manager* | managerial | management)
      unless: "performance management" near/3 (system* | information | data)

    theme supervision
      label: Supervision
      description: The regularity, quality, reflectiveness and recording of staff supervision.
      rule supervision: supervis* except ("supervision order*" | "supervised contact" | (supervis* near/2 (contact | order*)))

    theme quality-assurance
      label: Quality assurance
      description: Audits and case file audits, practice evaluation, quality assurance frameworks and learning from them.
      rule audits: audit* | "quality assur*" | "practice evaluation*" | "case file audit*" | "dip sampl*" | moderation
        | "practice review*" | "learning review*" | "quality of practice" near/4 (understand* | know* | evaluat* | monitor*)
        | "self evaluation" | "quality and performance" | "learning and improvement framework" | "evaluate the effectiveness"
        | "evaluate the quality" | "monitor and evaluate"

    theme performance-information
      label: Performance information
      description: Performance data and its use: KPIs, scorecards, management information, data quality.
      rule data: "performance information" | "performance data" | "performance management" | "performance monitor*"
        | "performance report*" | kpi* | "key performance indicator*" | scorecard* | dashboard* | "data quality"
        | "management information" | "quality of data" | "use of data" | "performance framework*"
        | data near/3 (accurate | reliable | understand* | use | used | quality | analysis | performance | monitor*)

    theme workforce
      label: Workforce
      description: Recruitment and retention, agency staff, vacancies, turnover, caseloads, morale, training and stability of social workers.
      # Recruiting and keeping foster carers and adopters is placement sufficiency and adoption, not the workforce.
      rule staffing: (recruit* | retention | retain* | morale)
          except ((recruit* | retention | retain* | morale) near/6 ("foster carer*" | adopter* | "special guardian*" | carer*))
        | "agency staff" | "agency social worker*" | "agency worker*" | "interim staff"
        | vacanc* | turnover | caseload* | workforce | "newly qualified" | asye | "social work academy"
        | "stability of social worker*" | "change* of social worker*" | "change* in social worker*" | "change* of worker*"
        | "permanent staff" | "staff stability" | "stable staff*" | "workload*"
      # Stability of social workers in children's lives: "a single social worker", "consistent relationships with
      # social workers", "the number of social workers".
      rule stability: (single | same | consistent | stable | continuity) near/1 ("social worker*" | "personal adviser*")
        | "number* of social worker*" | "consistent relationship* with social worker*"
      rule training: (training | "learning and development" | "professional development")
        near/6 (staff | "social worker*" | practitioner* | manager* | workforce | professional* | team*)
        | "training needs" | "multi agency training" | "training programme*"
      rule capacity: capacity near/8 (staff | team* | "social worker*" | iro | iros | manager* | practitioner* | worker* | issue*)
        | (staff | "social worker*" | practitioner*) near/6 ("well supported" | "feel supported" | "felt supported" | wellbeing | "well being")

    theme voice-of-child
      label: Voice of the child
      description: Children's views, wishes and feelings, direct work, being seen alone, participation and life-story work.
      rule voice: "voice of the child" | "voice of children" | "child* voice" | "wishes and feelings" | "views of children"
        | "views of the child" | "child* view*" | "young people* view*" | "their views" | "views and experiences" | "direct work"
        | "seen alone" | "life story" | "later life letter*" | "children in care council" | "child in care council"
        | advoca* | "listened to" | "lived experience*" | "independent visitor*" | "mind of my own"
        | "what children say" | "told inspectors" | "written to the child" | "written to children"
        | voice near/3 ("young people" | "young person" | "care leaver*")
        | (involv* | "involvement of") near/3 (child* | "young people" | "young person" | "care leaver*")
        | "co produc*" | coproduc* | "wishes and needs" | "their wishes"
        | "participation team*" | "participation worker*" | "participation officer*"
        | (child* | "young people" | "young person") near/3 (view | views | voice | voices) | "engag* children" | "engagement of children"
      # Consulting, participating and contributing are the child's voice only when children do it, and (for
      # participation) in what is decided about them: professionals consulted, partners participating,
      # young people participating in an employment programme are not.
      rule say: (consult* | "to contribute" | "contribute to their" | "have their say" | "have a say") near/5 (child* | "young people" | "young person" | "care leaver*")
        | (participat* near/4 (child* | "young people" | "young person" | "care leaver*"))
          near/6 (review* | meeting* | conference* | decision* | plan* | planning | service* | "their own")
      unless: participat* near/3 (partner* | agenc* | police | health | school*) & not (child* | "young people")

    theme children-in-care
      label: Children in care
      description: Children in care: placements, their stability and sufficiency, family time, reviews and IROs, health, fostering.
      # The cohort named once is usually the population of an item about something else (their education, their
      # move to leaving care); named twice, the item is about them. The children in care council is children's
      # voice, and the virtual school's staff for looked after children are education.
      rule cohort [min 2]: ("children in care" | "child in care" | "looked after" | "children we look after" | "in care")
        except ("children in care council" | "child in care council" | "in care council" | "looked after children* council"
          | "for looked after children" near/3 (psycholog* | teacher* | school* | education*) | "in care proceedings")
      rule care: fostering | "foster carer*"
        | "foster care" | "foster placement*" | "children's home*" | "residential care" | "residential home*"
        | ("independent reviewing officer*" | iro | iros) except (("independent reviewing officer*" | iro | iros)
            near/4 ("social worker*" | "number* of" | caseload* | capacity))
        | "lac review*" | "cla review*" | "looked after review*" | review* near/4 ("children looked after" | "looked after children" | "children in care") | "family time" | "become looked after" | "accommodated as"
        | "entering care" | "entry into care" | "come into care" | "coming into care"
        | "contact with" near/4 (famil* | parent* | sibling* | "brothers and sisters") | "contact arrangement*"
        | "unregistered" | "placement stability" | "placement move*" | "placement breakdown*" | sufficiency
        | "health assessment*" | "connected carer*" | "kinship care" | "carers and providers" | "children placed"
          except "children placed on remand"
      # An adoptive placement is permanence; a work placement is not care.
      rule placements: placement* except ("work placement*" | "educational placement*" | "school placement*" | "adoption placement*"
        | "adoptive placement*" | "placement order*" | placement* near/4 parent*)

    theme permanence
      label: Permanence
      description: Planning for permanence: adoption, special guardianship, long-term fostering, reunification, legal security.
      rule permanence: permanen* except ("permanent staff" | "permanent social worker*" | "permanent appointment*"
          | "permanent post*" | "permanent manager*" | "permanent workforce" | "permanent member*" | "permanent team*"
          | "permanent basis" | "permanently appointed" | "permanent head*" | "permanent director*"
          | "permanent employment" | "permanent job*" | "permanent housing" | "permanent social housing" | "permanent tenanc*"
          | "permanent accommodation")
        | "special guardian*" | sgo | sgos | adopt* | "long term foster*" | "long term plan*" | "legal security"
        | "legally secure" | reunification | ("return* home" except "return* home interview*") near/4 (plan* | assess*) | "placement order*" | "matching" | "matched"
        | "early permanence" | "fostering for adoption" | "concurrent planning" | "later life letter*"

    theme care-leavers
      label: Care leavers
      description: Care leavers and care-experienced young people: pathway plans, personal advisers, education and work, staying put, accommodation.
      # "Children, young people and care leavers" names everyone the council looks after, nobody in particular.
      rule leavers: "care leaver*" except "young people and care leaver*" | "leaving care" | "pathway plan*" | "pathway planning" | "personal adviser*" | "personal advisor*"
        | neet | eet | "staying put" | "staying close" | "care experienced" | "leave care" | "left care" | "18 plus" | "local offer"
        | "independent living" | "semi independent" | "young adult*" | "after care" | aftercare | "independence skills"
        | "transition to independence" | "move* to independence" | apprenticeship* except "social work apprenticeship*"

    theme exploitation-missing
      label: Exploitation and missing children
      description: Sexual and criminal exploitation, county lines, contextual safeguarding, children missing from home or care, return home interviews, trafficking.
      rule exploitation: exploit* | cse | cce | "county lines" | "contextual safeguarding" | trafficking | traffick* | "modern slavery"
        | "gang*" | "serious youth violence" | "extra familial" | "adolescent risk*" | "criminal exploitation"
      # The exclusion sits on "missing" itself so that "children missing from education" loses both words.
      rule missing: (missing except (missing near/3 education | "missing out" | "missing information"))
          near/3 (home | care | episode* | child* | "young people" | "young person" | "go" | "went" | "gone" | report*)
        | "return home interview*" | "return interview*" | "return to home interview*"

    theme domestic-abuse
      label: Domestic abuse
      description: Domestic abuse and violence, MARAC, and notifications from the police about it.
      rule abuse: "domestic abuse" | "domestic violence" | marac | idva* | "coercive control" | "operation encompass"
        | "intimate partner" | "domestic incident*"

    theme neglect
      label: Neglect
      description: Neglect and cumulative harm, including over-optimism about change in neglectful families.
      rule neglect: neglect* | "cumulative harm" | "graded care profile" | "over optimism" | "over optimistic" | overoptimis*
        | "cumulative impact"

    theme mental-health
      label: Mental health
      description: Mental health services, CAMHS, emotional wellbeing and therapeutic support.
      rule health: "mental health" | camhs | "emotional wellbeing" | "emotional well being" | "emotional health" | therapeutic
        | therap* | psycholog* | "self harm*" | "emotional needs" | "strengths and difficulties"

    theme education
      label: Education
      description: Schools and education settings as partners or provision: PEPs, the virtual school, exclusions, attendance, children missing education.
      rule provision: "virtual school" | "personal education plan*" | pep | peps | exclusion* | "missing education"
        | "missing from education" | attainment | "education setting*" | "designated safeguarding lead*" | "educational progress"
        | "home education" | "alternative provision" | college* | "school attendance" | "attendance at school"
      # A single "school" or "education" is usually a passing word ("supported into education", "health, education and
      # social care professionals"); two make schools or education a subject of the item.
      # In a list of what needs to improve, one school or education word is the subject.
      rule improve [in areas-for-improvement, recommendations, priority-actions]: school* except ("free school meal*" | "school attendance")
      rule schools [min 2]: school* except "free school meal*" | education* except ("education employment and training" | "employment education and training"
        | "education employment or training" | "education training or employment" | "education and employment" | "education or employment"
        | "education or training" | "education and training" | "education health and care" | "further education" | "higher education"
        | "not in education" | "department for education" | "education and skills" | "education health and care plan*")

    theme out-of-hours
      label: Out of hours
      description: The out-of-hours and emergency duty service, and screening at evenings and weekends.
      rule hours: "out of hours" | "emergency duty" | edt | "evening* and weekend*" | weekend* near/6 (screen* | contact* | duty | service* | cover)
        | "overnight" near/4 (service* | cover | duty)

    theme recording
      label: Case recording
      description: Case records and recording systems: chronologies, genograms, case summaries, the quality of recording.
      rule records: "case record*" | recording | "record keeping" | chronolog* | genogram* | "case summar*" | "case note*"
        | "case management system*" | "recording system*" | "electronic record*" | "child* record*" | "records are"
        | "written record*" | "records of" | "records do not" | "records did not" | "records were"

    theme leadership-governance
      label: Leadership and governance
      description: Senior and political leadership, governance and accountability, corporate parenting, improvement plans and boards, resources and commissioning.
      rule leaders: leadership | governance | "corporate parent*" | "political leader*"
        | "elected member*" | "lead member" | "lead councillor" | councillor* | "chief executive" | "director of children* service*"
        | dcs | "improvement plan*" | "improvement board*" | accountab* | budget* | commissioning | "political" | "whole council"
        | "corporate support" | "strategic leader*" | "leaders and managers" | "senior leadership team"

    theme timeliness
      label: Timeliness
      description: Delay and drift, timescales, and the timeliness of visits, assessments, conferences and decisions.
      # Timescales written into a plan ("outcomes with timescales") are about planning.
      rule time: delay* | drift | timeliness | "too long" | "without delay" | overdue | backlog* | "waiting list*"
        | timescale* except (timescale* near/6 (plan* | action* | specif* | measur* | outcome* | smart | objective*))
        | "statutory visit*" | "working day*" | "within time*" | "out of time" | "too late" | "too slow" | "not timely"
        | "not always timely" | untimely | "long time" | "waiting" | "waited" | "longer than" | "more quickly"
        | "quickly enough" | "soon enough" | "more timely" | "as quickly as possible" | "timely enough"
        | "timely basis" | "timely way" | "timely manner" | "timely fashion"
      # The speed of a statutory step is the subject: "promptly allocated", "reviews are timely".
      rule steps: (allocat* | review | conference* | assessment* | visit*) near/3 (timely | prompt* | swift* | quickly)
      # Speed words are everywhere in praise ("responded to promptly and effectively"); one alone is a passing word,
      # two make timeliness a subject of the item.
      rule quick [min 2]: timely | prompt* | swift* | quickly | "same day" | "straight away" | "quicker" | pace | late | slow
        | speed*
      # Visiting children as often as required is the statutory-visits subject.
      rule visits: (visit | visited | visiting) near/2 (regular* | frequen* | statutory | within)

    theme disabled-children
      label: Disabled children
      description: Disabled children and children with special educational needs and disabilities as a social care group.
      # Disabled children as a group, or a service for them; one disabled child given as
      # an example is a passing mention.
      rule disability: "disabled child*" | "disabled young" | "child* with disabilit*" | "young people with disabilit*"
        | "disabled children* team*" | "disabilit* team*" | "special educational need*" | "short break*" | ehcp*
        | "education health and care plan*" | "send" near/1 (team* | service* | children | pupil* | need*) | "complex health"
      rule mentions [min 2]: disab*

    theme youth-justice
      label: Youth justice
      description: Youth offending and youth justice services, and reoffending.
      rule justice: "youth offending" | "youth justice" | "re offend*" | reoffend* | yot | yjs | "young offender*"
        | "criminal justice" | remand* | custody | "out of court"

    theme court-proceedings
      label: Court and proceedings
      description: Care proceedings, pre-proceedings and the Public Law Outline, legal planning, the courts and Cafcass.
      # "Cases in proceedings" or "a decision made by the court" named once describe a child's situation; court work
      # as a subject names its stages, or comes back.
      rule court: "care proceedings" | "pre proceedings" | "legal proceedings" | "court proceedings" | plo | "public law outline" | cafcass
        | "legal planning" | "legal gateway" | "legal meeting*" | "legal planning meeting*" | judicia* | judiciary | "care order*"
        | "supervision order*" | "placement order*" | judge | judges | "letter* before proceedings"
      rule mentions [min 2]: proceedings | court | courts

    theme private-fostering
      label: Private fostering
      description: Children in private fostering arrangements and how they are found and assessed.
      rule private: "private fostering" | "privately fostered" | "private foster*" | "privately arranged fostering"

    theme uasc
      label: Unaccompanied children
      description: Unaccompanied asylum-seeking children and separated migrant children.
      rule asylum: unaccompanied | uasc | "asylum seeking" | asylum | "separated children" | "separated migrant" | "national transfer scheme"

    # Polarity cues: what praise and criticism sound like. The judge (Tagger.swift) weighs them:
    # - a praise word negated just before it in the same clause ("are not thorough", "do not consider
    #   well enough", "too focused on", "without positive change") counts as criticism, and a criticism
    #   negated by "no", "without" or "never" ("without delay", "no children were found to be unsafe")
    #   counts as praise, so the lists below need not spell out every negated form;
    # - cues in a concessive clause ("although …", "while …") weigh half, cues after "however" more;
    # - praise words in an aim ("to ensure that practice is consistently good") do not count;
    # - an item with both is mixed unless one side outweighs the other threefold.
    # Words that are usually neutral in these letters are left out or narrowed: "progress" (as in
    # "measure progress"), "benefits" (the benefits system), "secure" and "safe" (aims: "to secure
    # adoption", "keep children safe"), "at risk of" (a cohort: "children at risk of exploitation"),
    # "concerns" (safeguarding concerns about a child, not about the service).

    polarity strength
      # The list is in parentheses so that 'except' applies to all of it ('except' binds tighter than '|').
      rule good: (good | strong* | effective | effectively | thorough* | robust | comprehensive | impressive | excellent | outstanding
        | "high quality" | "high standard" | "good quality" | positive* | successful* | innovative | creative | skilled | committed
        | passionate | dedicated | "child centred" | "well established" | "well embedded" | "well managed" | "well supported"
        | "well attended" | "well recorded" | "well coordinated" | "well placed" | "well understood" | "well organised"
        | "well matched" | "well written" | "well used" | "well prepared" | "well trained" | "well led" | "well targeted"
        | "benefit* from" | benefited | improved | "has improved" | "have improved" | improving | "a strength" | "key strength*"
        | "area* of strength" | strengthened | stable | sustained | proportionate
        | appropriate* | timely | prompt* | swift* | clear* | consistent* | sensitive* | meaningful | purposeful | regular*
        | know* near/3 well | "make* a difference" | "made a difference" | "good practice" | valued
        | progress* near/2 (good | significant | considerable | strong | steady | positive | made | make | making)
        | (made | make | making | achieved) near/3 improvement*
        | focused | detailed | ambitious | "in place" | enhanced | embedded | responsive | correct* | accurate* | "well"
        | (prevent* | avoid* | minimis*) near/3 (drift | delay*))
        except ("not good" | "not strong" | "not effective" | "not always effective" | "less effective" | "not yet effective"
          | "not appropriate*" | "not always appropriate*" | "not timely" | "not always timely" | "not consistent*" | "not clear"
          | "not always clear" | "not sufficiently" near/2 (clear* | robust | effective* | thorough*) | "not regular*"
          | "not routinely" | "no clear" | "not yet" near/3 (embedded | established | secure | consistent*)
          | "need* to be more" near/3 (effective* | robust | timely | consistent*) | "more effective" | "more robust" | "more timely"
          | "more consistent*" | "too early" | "progress* is slow" | "slow progress" | "limited progress" | "insufficient progress"
          | "good enough" | "not good enough" | "requires improvement to be good" | "to be good" | "as well" | "well being"
          | "well enough" | "adult focused" | "where appropriate" | "as appropriate" | "when appropriate" | "if appropriate")

    polarity concern
      rule critical: (inconsistent* | "not always" | "not consistently" | delay* | drift | "too many" | "too few" | "too long"
        | "too slow" | "too late" | weak* | poor* | lack* | insufficient* | inadequate | "not yet" | "does not" | "do not" | "did not"
        | "is not" | "are not" | "was not" | "were not" | "has not" | "have not" | "not enough" | "not sufficiently" | "not been"
        | variable | variabl* | "limited" | gap* | "requires improvement" | "require improvement"
        | "required improvement" | fail* | deficien* | shortfall* | ineffective | "less effective" | "not effective"
        | "more work" | "further work" | "not all" | unclear | "not clear" | "absence of" | slow | backlog* | unmet | unassessed
        | remain* near/3 (inconsistent* | weak* | poor* | high | low | variable | insufficient* | underdeveloped | limited | "a concern")
        | "still" near/3 ("not" | too | need* | require* | inconsistent* | weak* | poor*) | underdeveloped | "under developed" | "not routinely"
        | "not robust" | "not timely" | "not all" | "not always" | "too early" | overreliance | "over reliance" | "over reliant"
        | "less than" | "not fully" | "not well" | "no evidence" | "little evidence" | "only just" | "not been" | "yet to"
        | "has yet" | "have yet" | unable | "cannot" | "too high" | "too low" | "high caseload*" | vacanc* | "not routinely"
        | "not in place" | "not effective*" | "not understood" | inappropriat* | unsafe
        | "left at risk" | "left in situation* of" | "left in harm*" | "left at continued risk"
        # "Too lengthy", "too focused on adults": in these letters "too" before a word is nearly always criticism.
        | too | overly | "longer than" | hinder* | hamper* | "missed opportunit*" | unrealistic | reluctan* | advers*
        # Difficult as a property of the service's work is criticism; children's difficult lives are not.
        | difficult* except (difficult near/1 (situation* | circumstance* | time* | case* | experience* | behaviour* | live* | childhood*))
        | (low | reducing | declining | falling | irregular | infrequent | absent) near/5 (attendance | attend*) | harder | struggl* | "out of date" | "not" near/3 enough | "could be" near/2 (improved | enhanced | strengthened | better | more)
        # What the service must do is criticism; what children or young people need to do is not.
        | ("needs to" | "need to") except ((they | people | children | child | families | he | she | what | who) near/1 ("needs to" | "need to"))
        | concern* near/2 (about | over | regarding) except (concern* near/3 (child* | "young people" | famil* | parent* | safeguarding | welfare))
        | "a concern" | "a particular concern" | "cause for concern")
        # "Preventing drift and delay", "reducing delays": the delay is what the work keeps away.
        except ("not in education" | "not only" | (prevent* | avoid* | reduc* | minimis*) near/3 (drift | delay*))

    # Quantifiers, Ofsted's scale from all to none. The first one in an item is its quantifier.

    quantifier all
      rule all: all except ("at all" | "above all" | "after all" | "all age*" | "first of all" | "all the time" | "all aspects"
        | "almost all" | "nearly all" | "virtually all" | "not all" | "all of whom" | "all of which") | "in every case" | "every child" | "each child"
    quantifier almost-all
      rule: "almost all" | "nearly all" | "virtually all"
    quantifier vast-majority
      rule: "vast majority" | "large majority" | "great majority" | "overwhelming majority"
    quantifier most
      rule: most except ("the most" | "most recent*" | "most important" | "most significant" | "most likely" | "most vulnerable"
        | "at most" | "most effective*" | "most appropriate" | "most complex" | "most serious") | majority except ("vast majority"
        | "large majority" | "great majority" | "overwhelming majority" | "small majority")
    quantifier many
      rule: many except ("how many" | "as many")
    quantifier some
      rule: some except ("some time" | "for some time" | "some way" | "some years") | "a number of" | several | "not all"
    quantifier a-small-number
      rule: "a small number" | "small number*" | "a very small number" | "a small minority" | "a minority" | "a few"
        | "small minority" | "a handful" | "a very few" | "a limited number"
    quantifier few
      rule: few except ("a few" | "a very few") | "too few" | "very few"
    quantifier none
      rule: none | "no child*" | "no young people" | "no young person" | "no evidence" | "not any"
    """#
}
