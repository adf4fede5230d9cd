import type { Activity, Kpi, Meeting, Plan } from './api';

export function activity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 'a1',
    planId: 'p1',
    unitCode: 'KALASIN2',
    fiscalYear: 2566,
    templateCode: 'NO-GIFT',
    name: 'No Gift Policy ไม่รับของขวัญ',
    description: 'ประกาศเจตนารมณ์',
    mettaElements: ['MANAGEMENT', 'ATTITUDE'],
    pdcaPhase: 'DO',
    indicatorCodes: ['3', '10'],
    oitItemCodes: ['O33'],
    honestTraits: ['HONESTY'],
    owner: 'กลุ่มอำนวยการ',
    participantsCount: 67,
    startsOn: '2022-12-01',
    endsOn: '2023-01-15',
    budget: null,
    status: 'IN_PROGRESS',
    notes: null,
    evidenceLinks: [],
    completedOn: null,
    ...overrides,
  };
}

export function kpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    id: 'k1',
    name: 'คะแนน ITA รวม',
    target: 95,
    unitOfMeasure: 'คะแนน',
    indicatorCode: 'TOTAL',
    latestActual: 96.37,
    reached: true,
    actuals: [{ id: 'x1', recordedOn: '2023-09-30', value: 96.37, note: null }],
    ...overrides,
  };
}

export function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: 'p1',
    unitCode: 'KALASIN2',
    fiscalYear: 2566,
    title: 'แผนขับเคลื่อน ITA Online ด้วย METTA Model ปีงบประมาณ 2566',
    goals: ['ผลการประเมิน ITA ไม่ต่ำกว่าร้อยละ 95'],
    indicatorTarget: 95,
    progress: { activities: 2, done: 1, inProgress: 1, cancelled: 0, completionRate: 50 },
    kpis: [kpi()],
    activities: [activity(), activity({ id: 'a2', name: 'วิเคราะห์ความเสี่ยง', pdcaPhase: 'PLAN', mettaElements: ['EXPLORE'], status: 'DONE' })],
    ...overrides,
  };
}

export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    unitCode: 'KALASIN2',
    heldOn: '2022-11-30',
    title: 'ประชุมบอร์ดบริหาร: นโยบายไม่รับของขวัญ',
    attendeesCount: 16,
    agenda: [{ title: 'ประกาศเจตนารมณ์ No Gift Policy', indicatorCodes: ['3', '10'], activityIds: ['a1'] }],
    decisions: ['ผู้อำนวยการประกาศเจตนารมณ์ไม่รับของขวัญ'],
    actions: [
      { id: 'x1', meetingId: 'm1', unitCode: 'KALASIN2', description: 'ทำโปสเตอร์', owner: 'กลุ่มอำนวยการ', dueOn: '2022-12-14', doneOn: null, overdue: true },
      { id: 'x2', meetingId: 'm1', unitCode: 'KALASIN2', description: 'สรุปผล', owner: 'กลุ่มนโยบายและแผน', dueOn: '2022-12-20', doneOn: '2022-12-19', overdue: false },
    ],
    ...overrides,
  };
}
