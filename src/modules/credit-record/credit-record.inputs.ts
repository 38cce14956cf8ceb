import { Field, InputType } from 'type-graphql';

/**
 * One row of a department's batch. Every field is a nullable string (dates 'YYYY-MM-DD', amounts
 * decimal strings, enums by name or by their Chinese term) so that a bad value in one row is a
 * per-row rejection with the field and reason, never a GraphQL error that fails the whole batch.
 * Required fields depend on the kind: see CreditRecordKind and the reasons returned.
 */
@InputType({ description: 'One credit record row (信用记录数据行) as a department system sends it; national 双公示 template fields.' })
export class CreditRecordRowInput {
  @Field(() => String, { nullable: true, description: "Required. The department's own record id (source record id); re-sending it never duplicates." })
  sourceRecordId?: string | null;

  @Field(() => String, { nullable: true, description: 'Required. CreditRecordKind name, or its Chinese term (行政许可, 行政处罚 …).' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Required. 统一社会信用代码 of the enterprise (行政相对人代码_1).' })
  uscc?: string | null;

  @Field(() => String, { nullable: true, description: '行政相对人名称, informational (the registry name is authoritative).' })
  enterpriseName?: string | null;

  @Field(() => String, { nullable: true, description: "信用领域, e.g. 市场监管; default the department's domain." })
  domain?: string | null;

  @Field(() => String, { nullable: true, description: 'Required. 决定文书号 (XK_WSH / CF_WSH).' })
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Required. 决定日期 (XK_JDRQ / CF_JDRQ), YYYY-MM-DD, not in the future.' })
  decisionDate?: string | null;

  @Field(() => String, { nullable: true, description: 'MINOR / GENERAL / SERIOUS (轻微 / 一般 / 严重); required for penalties, coercion, list entries and breaches.' })
  severity?: string | null;

  @Field(() => Boolean, { nullable: true, description: '简易程序: a penalty decided in the summary procedure (default false).' })
  summaryProcedure?: boolean | null;

  @Field(() => String, { nullable: true, description: '事项名称: title (honours: required, the honour name).' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: '内容: 许可内容 / 处罚内容 / 列入事由 / 强制措施 / 判决结果; required for every kind except honours.' })
  content?: string | null;

  @Field(() => String, { nullable: true, description: '备注 (BZ).' })
  remarks?: string | null;

  @Field(() => String, { nullable: true, description: 'Licences: 许可类别 (XK_XKLB), required.' })
  licenceCategory?: string | null;

  @Field(() => String, { nullable: true, description: 'Licences: 许可证书名称 (XK_XKZS).' })
  certificateName?: string | null;

  @Field(() => String, { nullable: true, description: 'Licences: 许可编号 (XK_XKBH).' })
  licenceNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Licences: 有效期自 (XK_YXQZ), required.' })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Licences: 有效期至 (XK_YXQZI), required, not before validFrom; 2099-12-31 for long-term.' })
  validUntil?: string | null;

  @Field(() => String, { nullable: true, description: 'Licences: 当前状态 (XK_ZT): VALID / INVALID (有效 / 无效, 1 / 2); default VALID.' })
  licenceStatus?: string | null;

  @Field(() => String, { nullable: true, description: 'Penalties: 违法行为类型 (CF_WFXW), required.' })
  violationType?: string | null;

  @Field(() => String, { nullable: true, description: 'Penalties: 违法事实 (CF_SY), required.' })
  facts?: string | null;

  @Field(() => String, { nullable: true, description: 'Penalties: 处罚依据 (CF_YJ), required.' })
  basis?: string | null;

  @Field(() => [String], { nullable: true, description: 'Penalties: 处罚类别 (CF_CFLB), one or more PenaltyCategory names or Chinese terms, required.' })
  penaltyCategories?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Penalties: 罚款金额（万元） (CF_NR_FK), non-negative, at most 6 decimals; required when a FINE is imposed.' })
  fineAmount?: string | null;

  @Field(() => String, { nullable: true, description: 'Penalties: 没收违法所得、没收非法财物的金额（万元） (CF_NR_WFFF).' })
  confiscatedAmount?: string | null;

  @Field(() => String, { nullable: true, description: 'Penalties: 暂扣或吊销证照名称及编号 (CF_NR_ZKDX).' })
  suspendedOrRevokedLicence?: string | null;

  @Field(() => String, { nullable: true, description: 'Penalties: 处罚有效期 (CF_YXQ), YYYY-MM-DD.' })
  penaltyValidUntil?: string | null;

  @Field(() => String, { nullable: true, description: 'Penalties: 公示截止期 (CF_GSJZQ), YYYY-MM-DD (kept as reported; a warning when beyond the rules).' })
  publicityDeadline?: string | null;

  @Field(() => String, { nullable: true, description: 'List entries: 移出日期, YYYY-MM-DD, when removed from the list.' })
  removedOn?: string | null;
}
