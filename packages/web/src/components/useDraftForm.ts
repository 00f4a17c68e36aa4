import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { FormInstance } from 'antd';
import { showSuccess } from '../app/notifier';
import { errorText } from './CommandModal';
import { applyServerErrors } from './zodForm';

/**
 * The write-and-send flow of a workflow's draft form (a proposal, an opinion …): the fields are
 * checked, the draft saved, and then — on 保存草稿 — the saved record opened, or — on 提交/报送 — one more
 * step taken on it first. A refusal of a field shows at the field, any other as the form's problem.
 */
export function useDraftForm<V, R extends { id: number; version: number }>(options: {
  form: FormInstance<V>;
  /** Saves the checked values as the draft (creates it the first time). */
  save: (values: V) => Promise<R>;
  /** The page a saved record opens on. */
  detailPath: (id: number) => string;
}) {
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function saveDraft(): Promise<R | null> {
    setProblem(null);
    let values: V;
    try {
      values = await options.form.validateFields();
    } catch {
      return null;
    }
    try {
      return await options.save(values);
    } catch (error) {
      if (!applyServerErrors(options.form, error)) setProblem(errorText(error));
      return null;
    }
  }

  /**
   * Saves, takes `step` on the saved record, tells `success` and opens it. `step` answers a problem to
   * show instead (the record stays saved).
   */
  async function saveThen(step: ((saved: R) => Promise<string | void>) | null, success: string) {
    setBusy(true);
    try {
      const saved = await saveDraft();
      if (!saved) return;
      const refused = step ? await step(saved) : undefined;
      if (refused) {
        setProblem(refused);
        return;
      }
      showSuccess(success);
      navigate(options.detailPath(saved.id), { replace: true });
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return { busy, problem, setProblem, saveThen, onSaveDraft: () => saveThen(null, '草稿已保存') };
}
